/**
 * Versioned schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records the last one applied. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    settings TEXT NOT NULL,
    acl TEXT NOT NULL,
    cursor TEXT,
    created_at TEXT NOT NULL,
    last_sync_at TEXT
  );

  -- Each distinct ACL (sorted principal list) gets an integer id; documents carry the id, so access
  -- checks are a lookup of the caller's ids and an IN filter inside the lexical and vector indexes.
  CREATE TABLE acls (
    id INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL UNIQUE
  );
  CREATE TABLE acl_principals (
    acl_id INTEGER NOT NULL REFERENCES acls (id),
    principal TEXT NOT NULL,
    PRIMARY KEY (acl_id, principal)
  ) WITHOUT ROWID;
  CREATE INDEX acl_principals_by_principal ON acl_principals (principal, acl_id);

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    uri TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT,
    url TEXT,
    acl_id INTEGER NOT NULL REFERENCES acls (id),
    size INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL,
    indexed_at TEXT NOT NULL,
    UNIQUE (source_id, uri)
  );

  CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    heading_path TEXT NOT NULL,
    symbol TEXT,
    start_line INTEGER,
    end_line INTEGER,
    tokens INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    url TEXT
  );
  CREATE INDEX chunks_by_document ON chunks (document_id);

  -- Stemmed terms only (contentless): the readable text lives in chunks. The filter column holds the
  -- ACL id and source tokens, matched before ranking and weighted 0.
  CREATE VIRTUAL TABLE chunks_fts USING fts5 (
    title, path, headings, body, filter,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );

  -- Document frequency of each indexed term, to leave near-universal terms out of OR-queries.
  CREATE VIRTUAL TABLE chunks_fts_terms USING fts5vocab (chunks_fts, 'row');

  CREATE TABLE embedding_cache (
    model TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, content_hash)
  ) WITHOUT ROWID;

  CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    source_name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    details TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX sync_runs_by_source ON sync_runs (source_id, id);

  -- One row per source being synced; the holder's pid tells a live sync from one that was killed.
  CREATE TABLE sync_locks (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    pid INTEGER NOT NULL,
    acquired_at TEXT NOT NULL
  );
  `,
  // 2: accounts. Secrets are stored only as hashes: scrypt for passwords, SHA-256 for session ids and tokens.
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );

  CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE user_groups (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
  ) WITHOUT ROWID;
  CREATE INDEX user_groups_by_group ON user_groups (group_id, user_id);

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_by_user ON sessions (user_id);

  CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  );
  CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
  `,
  // 3: conversations, their messages (an answer's citations, sources and timing as JSON) and feedback.
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX conversations_by_user ON conversations (user_id, updated_at);

  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    answer TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_id, id);
  CREATE INDEX messages_by_time ON messages (created_at, role);

  CREATE TABLE feedback (
    message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX feedback_by_time ON feedback (created_at);
  `,
];
