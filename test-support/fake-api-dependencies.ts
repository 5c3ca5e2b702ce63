import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AnswerEvent, AnswerResult, AskRequest, Citation } from '../src/answer/index.js';
import { SpravkaError } from '../src/errors/index.js';
import { text } from '../src/i18n/index.js';
import type { SearchRequest, SearchResult } from '../src/retrieval/index.js';
import type { ApiDependencies, ApiDocument, Caller } from '../src/server/api-dependencies.js';

/**
 * Test doubles of the APIs' dependencies, which record their calls: two users with different groups,
 * a public and an administrators' document, and an `ask` scripted by the question:
 * - "slow …" streams a word, then waits until it is cancelled;
 * - "broken …" fails before saying anything; "unstable …" fails after a word;
 * - "unknown …" is a not-found answer; anything else a generated answer citing two sources.
 */
export const TOKENS = { alice: 'spr_alice', bob: 'spr_bob' } as const;

const USERS: Record<string, Caller> = {
  [TOKENS.alice]: { userName: 'alice', principals: ['user:alice', 'group:staff', 'public'] },
  [TOKENS.bob]: { userName: 'bob', principals: ['user:bob', 'group:admins', 'public'] },
};

const DOCUMENTS: Array<ApiDocument & { readers: string[] }> = [
  {
    source: 'wiki',
    uri: 'backup.md',
    title: 'Backups',
    url: 'https://wiki.example/backup',
    text: 'Run the nightly backup with restic.',
    readers: ['public'],
  },
  {
    source: 'vault',
    uri: 'keys.md',
    title: 'Keys',
    text: 'The backup encryption keys.',
    readers: ['group:admins'],
  },
];

export const CITATIONS: Citation[] = [
  { n: 1, source: 'wiki', uri: 'backup.md', url: 'https://wiki.example/backup', title: 'Backups' },
  { n: 2, source: 'code', uri: 'scripts/backup.sh', title: 'backup.sh', lines: { start: 3, end: 9 } },
];

export const ANSWER_WORDS = ['Run ', 'restic ', 'nightly [1][2].'];

export interface FakeApiDependencies extends ApiDependencies {
  calls: {
    ask: AskRequest[];
    search: SearchRequest[];
    getDocument: Array<{ caller: Caller; source: string; uri: string }>;
  };
  /** Resolves when a slow answer saw its signal aborted. */
  cancelled: Promise<void>;
}

export function fakeApiDependencies(): FakeApiDependencies {
  const calls: FakeApiDependencies['calls'] = { ask: [], search: [], getDocument: [] };
  let sawCancel = () => {};
  const cancelled = new Promise<void>((resolve) => {
    sawCancel = resolve;
  });

  async function* ask(request: AskRequest): AsyncGenerator<AnswerEvent, AnswerResult> {
    calls.ask.push(request);
    const { question, signal } = request;
    if (question.startsWith('broken')) throw llmFailed();
    const base = { language: 'en' as const, query: question, reasoning: '' };
    yield { type: 'query', query: question, alternatives: [] };
    if (question.startsWith('unknown')) {
      const answer = "I don't know: the documents do not say.";
      yield { type: 'sources', sources: [] };
      yield { type: 'text-delta', text: answer };
      return { ...base, answer, citations: [], sources: [], mode: 'not_found' };
    }
    yield { type: 'reasoning-delta', text: 'The sources say restic.' };
    yield { type: 'text-delta', text: ANSWER_WORDS[0] ?? '' };
    if (question.startsWith('unstable')) throw llmFailed();
    if (question.startsWith('slow')) {
      await new Promise<void>((resolve) =>
        signal?.addEventListener('abort', () => resolve(), { once: true }),
      );
      sawCancel();
      throw new SpravkaError('cancelled', text('The question was cancelled.', 'Вопрос отменён.'));
    }
    for (const word of ANSWER_WORDS.slice(1)) yield { type: 'text-delta', text: word };
    return {
      ...base,
      answer: ANSWER_WORDS.join(''),
      citations: CITATIONS,
      sources: [],
      mode: 'generated',
      reasoning: 'The sources say restic.',
    };
  }

  return {
    calls,
    cancelled,
    authenticate: (token) => USERS[token],
    ask,
    async search(request) {
      calls.search.push(request);
      return DOCUMENTS.filter((document) => readable(document, request.principals)).map(
        (document, index): SearchResult => ({
          rank: index + 1,
          score: 1,
          source: document.source,
          uri: document.uri,
          title: document.title,
          text: document.text,
          kind: 'prose',
          ...(document.url ? { url: document.url } : {}),
        }),
      );
    },
    async getDocument(caller, source, uri) {
      calls.getDocument.push({ caller, source, uri });
      const found = DOCUMENTS.find((document) => document.source === source && document.uri === uri);
      if (!found || !readable(found, caller.principals)) return undefined;
      const { readers: _readers, ...document } = found;
      return document;
    },
  };
}

/** Serves the apps on a free port of 127.0.0.1, as `spravka serve` mounts them. */
export async function startApiServer(
  mounts: Record<string, Hono>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const root = new Hono();
  for (const [path, app] of Object.entries(mounts)) root.route(path, app);
  return new Promise((resolve) => {
    const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((closed) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

function readable(document: { readers: string[] }, principals: string[]): boolean {
  return document.readers.some((reader) => reader === 'public' || principals.includes(reader));
}

function llmFailed(): SpravkaError {
  return new SpravkaError('llm_failed', text('The language model failed.', 'Языковая модель не ответила.'), {
    hint: text('Check the model server.', 'Проверьте сервер модели.'),
  });
}
