import type { ServerSentEvent } from './event-stream';
import type { Transport } from './transport';
import type {
  ApiToken,
  ChatEvent,
  ChatRequest,
  Conversation,
  ConversationSummary,
  FeedbackEntry,
  GroupInfo,
  NewApiToken,
  NewSource,
  NewUser,
  Rating,
  SessionInfo,
  SetupStatus,
  SourceChanges,
  SourceInfo,
  SourceRecord,
  Statistics,
  SyncEvent,
  SyncRun,
  User,
  UserChanges,
} from './types';

const CHAT_EVENTS = new Set([
  'conversation',
  'query',
  'sources',
  'reasoning',
  'token',
  'notice',
  'done',
  'error',
]);
const SYNC_EVENTS = new Set(['start', 'listed', 'progress', 'embedding', 'finish', 'error', 'end']);

/** The endpoints of docs/api.md, one typed call each, in the order of its table. */
export function createApi(transport: Transport) {
  const json = transport.json.bind(transport);
  const remember = (session: SessionInfo): SessionInfo => {
    transport.csrfToken = session.csrfToken ?? undefined;
    return session;
  };
  const path = (template: string, ...parts: Array<string | number>) =>
    parts.reduce<string>((result, part) => result.replace(':', encodeURIComponent(String(part))), template);

  return {
    setup: {
      status: () => json<SetupStatus>('GET', '/api/setup'),
      createAdmin: async (name: string, password: string) =>
        remember(await json<SessionInfo>('POST', '/api/setup', { name, password })),
    },
    auth: {
      login: async (name: string, password: string) =>
        remember(await json<SessionInfo>('POST', '/api/auth/login', { name, password })),
      me: async () => remember(await json<SessionInfo>('GET', '/api/auth/me')),
      logout: async () => {
        await json<void>('POST', '/api/auth/logout');
        transport.csrfToken = undefined;
      },
    },
    conversations: {
      list: (query: string, signal?: AbortSignal) =>
        json<ConversationSummary[]>(
          'GET',
          `/api/conversations${query ? `?q=${encodeURIComponent(query)}` : ''}`,
          undefined,
          signal,
        ),
      get: (id: string, signal?: AbortSignal) =>
        json<Conversation>('GET', path('/api/conversations/:', id), undefined, signal),
      rename: (id: string, title: string) =>
        json<ConversationSummary>('PATCH', path('/api/conversations/:', id), { title }),
      remove: (id: string) => json<void>('DELETE', path('/api/conversations/:', id)),
    },
    chat: async function* (request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
      for await (const event of transport.events('POST', '/api/chat', request, signal)) {
        const parsed = typed<ChatEvent>(event, CHAT_EVENTS);
        if (parsed) yield parsed;
      }
    },
    feedback: (messageId: number, rating: Rating, comment?: string) =>
      json<void>('PUT', path('/api/messages/:/feedback', messageId), {
        rating,
        ...(comment ? { comment } : {}),
      }),
    tokens: {
      list: () => json<ApiToken[]>('GET', '/api/tokens'),
      create: (name: string) => json<NewApiToken>('POST', '/api/tokens', { name }),
      revoke: (id: number) => json<void>('DELETE', path('/api/tokens/:', id)),
    },
    admin: {
      sources: () => json<SourceInfo[]>('GET', '/api/admin/sources'),
      addSource: (source: NewSource) => json<SourceInfo>('POST', '/api/admin/sources', source),
      /** Settings replace the old ones (send them all); a changed ACL drops the documents until the next sync. */
      updateSource: (name: string, changes: SourceChanges) =>
        json<SourceRecord>('PATCH', path('/api/admin/sources/:', name), changes),
      removeSource: (name: string) => json<void>('DELETE', path('/api/admin/sources/:', name)),
      sync: async function* (name: string, signal?: AbortSignal): AsyncGenerator<SyncEvent> {
        for await (const event of transport.events(
          'POST',
          path('/api/admin/sources/:/sync', name),
          undefined,
          signal,
        )) {
          const parsed = typed<SyncEvent>(event, SYNC_EVENTS);
          if (parsed) yield parsed;
        }
      },
      runs: (name: string) => json<SyncRun[]>('GET', path('/api/admin/sources/:/runs', name)),
      users: () => json<User[]>('GET', '/api/admin/users'),
      addUser: (user: NewUser) => json<User>('POST', '/api/admin/users', user),
      changeUser: (id: number, changes: UserChanges) =>
        json<User>('PATCH', path('/api/admin/users/:', id), changes),
      groups: () => json<GroupInfo[]>('GET', '/api/admin/groups'),
      feedback: () => json<FeedbackEntry[]>('GET', '/api/admin/feedback'),
      stats: () => json<Statistics>('GET', '/api/admin/stats'),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** An event of a known type with its JSON data; unknown event names (from a newer server) are skipped. */
function typed<T extends { type: string }>(event: ServerSentEvent, known: Set<string>): T | undefined {
  if (!known.has(event.event)) return undefined;
  const data = JSON.parse(event.data) as Record<string, unknown>;
  return { ...data, type: event.event } as T;
}
