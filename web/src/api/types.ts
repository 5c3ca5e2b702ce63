/**
 * The shapes of docs/api.md, as the browser sees them. Only what the UI reads is typed; the server's
 * own contracts live in src/answer, src/accounts, src/conversations and src/sync.
 */
export type Language = 'en' | 'ru';
export type LocalizedText = Record<Language, string>;
export type Role = 'admin' | 'user';

export interface User {
  id: number;
  name: string;
  displayName: string;
  role: Role;
  groups: string[];
  principals: string[];
  disabled?: boolean;
  createdAt?: string;
}

export interface SessionInfo {
  user: User;
  /** Null when the caller is not a browser session (a bearer token). */
  csrfToken: string | null;
}

export interface SetupStatus {
  needsAdmin: boolean;
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface LineRange {
  start: number;
  end: number;
}

/** A source given to the model, numbered as the answer cites it. */
export interface AnswerSource {
  n: number;
  source: string;
  uri: string;
  title: string;
  url?: string;
  lines?: LineRange;
  section?: string;
  text: string;
}

export interface Citation {
  n: number;
  source: string;
  uri: string;
  url?: string;
  title: string;
  lines?: LineRange;
}

export type AnswerMode = 'generated' | 'extractive' | 'not_found';
export type Rating = 'up' | 'down';

export interface Feedback {
  rating: Rating;
  comment: string | null;
}

export interface StoredAnswer {
  mode: AnswerMode;
  citations: Citation[];
  sources: AnswerSource[];
  query: string;
  language: Language;
  latencyMs: number;
}

export interface Message {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  answer?: StoredAnswer;
  feedback?: Feedback;
}

export interface Conversation extends ConversationSummary {
  messages: Message[];
}

export interface ChatRequest {
  conversationId?: string;
  message: string;
  regenerate?: boolean;
}

/** One event of the `POST /api/chat` stream. */
export type ChatEvent =
  | { type: 'conversation'; id: string; title: string }
  | { type: 'query'; query: string; alternatives: string[] }
  | { type: 'sources'; sources: AnswerSource[] }
  | { type: 'reasoning'; text: string }
  | { type: 'token'; text: string }
  /** The message in the asked language; the library's `{en, ru}` form is accepted too. */
  | { type: 'notice'; code: string; message: string | LocalizedText }
  /** `messageId` is null if the answer could not be stored (the conversation was deleted meanwhile). */
  | {
      type: 'done';
      messageId: number | null;
      answer: string;
      citations: Citation[];
      mode: AnswerMode;
      latencyMs: number;
    }
  | { type: 'error'; code: string; message: string; hint: string | null };

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt?: string | null;
}

export interface NewApiToken extends ApiToken {
  /** The secret, shown once. */
  token: string;
}

export type SourceType = 'folder' | 'git';

export interface SyncCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export type SyncStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface SyncDetail {
  uri: string;
  kind: 'skipped' | 'failed';
  reason: string;
}

export interface SyncRun extends Partial<SyncCounts> {
  id?: number;
  status: SyncStatus;
  startedAt?: string;
  finishedAt?: string | null;
  error?: string | null;
  details?: SyncDetail[];
}

export interface SourceInfo {
  name: string;
  type: SourceType;
  settings: Record<string, unknown>;
  acl: string[];
  lastSyncAt: string | null;
  documents: number;
  chunks: number;
  /** A sync is running now (started from the web); its progress can be watched. */
  syncing?: boolean;
  lastRun: SyncRun | null;
}

/** Settings of every type (src/sources/config.ts); the server fills in the defaults. */
export interface CommonSettings {
  include?: string[];
  exclude?: string[];
  maxFileBytes?: number;
  urlTemplate?: string;
  lineAnchor?: string;
  syncEveryMinutes?: number;
}

export interface FolderSettings extends CommonSettings {
  path: string;
}

export interface GitSettings extends CommonSettings {
  url: string;
  branch?: string;
}

/** A source as `POST` and `PATCH /api/admin/sources` answer it: without counts or runs. */
export type SourceRecord = Pick<SourceInfo, 'name' | 'type' | 'settings' | 'acl' | 'lastSyncAt'>;

/**
 * `PATCH /api/admin/sources/:name`: the settings replace the old ones, so all of them are sent; a changed
 * ACL drops the source's documents until its next sync (fail closed).
 */
export interface SourceChanges {
  settings?: FolderSettings | GitSettings;
  acl?: string[];
}

export type NewSource =
  | { name: string; type: 'folder'; settings: FolderSettings; acl: string[] }
  | { name: string; type: 'git'; settings: GitSettings; acl: string[] };

/** One event of the `POST /api/admin/sources/:name/sync` stream. */
export type SyncEvent =
  | { type: 'start'; source: string }
  | { type: 'listed'; source: string; total: number; mode: 'full' | 'delta' }
  | { type: 'progress'; source: string; done: number; total: number; uri: string; counts: SyncCounts }
  | { type: 'embedding'; source: string; done: number; total: number }
  | { type: 'finish'; report: SyncReport }
  | { type: 'error'; code: string; message: string | LocalizedText; hint?: string | null }
  /** The last event: the stream closes after it. */
  | { type: 'end' };

export interface SyncReport extends SyncCounts {
  source: string;
  status: SyncStatus;
  milliseconds: number;
  details?: SyncDetail[];
  /** The failure, when the sync failed: a serialised SpravkaError (`text`, `hint` in both languages). */
  error?: { code?: string; message?: string; text?: LocalizedText; hint?: LocalizedText } | string;
}

export interface NewUser {
  name: string;
  password: string;
  role: Role;
  groups: string[];
  displayName?: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  groups?: string[];
  disabled?: boolean;
  password?: string;
}

export interface GroupInfo {
  name: string;
  members: number;
}

export interface FeedbackEntry {
  messageId: number;
  conversationId: string;
  user: string;
  rating: Rating;
  comment: string | null;
  question: string;
  answer: string;
  createdAt: string;
}

export interface Statistics {
  questionsPerDay: Array<{ day: string; questions: number }>;
  unanswered: number;
  medianLatencyMs: number | null;
  sources: Array<{ name: string; documents: number; chunks: number }>;
  feedback?: { up: number; down: number };
}
