import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { unknownUser } from '../errors.js';
import { hashSecret, randomSecret } from '../secrets.js';
import type { ApiTokenRecord, User } from '../types.js';
import type { Clock, Database } from './database.js';
import { TOUCH_INTERVAL_MS } from './sessions.js';
import type { UserRecords } from './user-records.js';

/** Every personal token starts with this, so it is recognisable in a leaked log or a secret scanner. */
export const API_TOKEN_PREFIX = 'spr_';
const MAXIMUM_NAME_LENGTH = 100;

interface TokenRow {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Personal API tokens: shown once, stored only as their SHA-256. */
export class SqliteApiTokens {
  constructor(
    private readonly database: Database,
    private readonly users: UserRecords,
    private readonly clock: Clock,
  ) {}

  create(userId: number, name: string): { token: string; record: ApiTokenRecord } {
    if (!this.users.byId(userId)) throw unknownUser(userId);
    const label = validateTokenName(name);
    const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
    const createdAt = this.clock().toISOString();
    const info = this.database
      .prepare('INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(userId, label, hashSecret(token), createdAt);
    return { token, record: { id: Number(info.lastInsertRowid), name: label, createdAt, lastUsedAt: null } };
  }

  list(userId: number): ApiTokenRecord[] {
    const rows = this.database
      .prepare('SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id')
      .all(userId) as TokenRow[];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    }));
  }

  delete(userId: number, tokenId: number): boolean {
    return (
      this.database.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(tokenId, userId)
        .changes > 0
    );
  }

  /** The enabled user a raw token belongs to; records the use at most once a minute. */
  authenticate(token: string): User | undefined {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const row = this.database
      .prepare('SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ?')
      .get(hashSecret(token)) as { id: number; user_id: number; last_used_at: string | null } | undefined;
    if (!row) return undefined;
    const user = this.users.byId(row.user_id);
    if (!user || user.disabled) return undefined;
    const now = this.clock();
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
      this.database
        .prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?')
        .run(now.toISOString(), row.id);
    }
    return user;
  }
}

function validateTokenName(name: string): string {
  const label = name.trim();
  if (label.length > 0 && label.length <= MAXIMUM_NAME_LENGTH) return label;
  throw new SpravkaError(
    'query_invalid',
    text(
      `A token needs a name of 1 to ${MAXIMUM_NAME_LENGTH} characters.`,
      `Токену нужно имя длиной от 1 до ${MAXIMUM_NAME_LENGTH} символов.`,
    ),
    {
      hint: text(
        'Name it after where it is used, e.g. "ci" or "laptop".',
        'Назовите его по месту использования, например «ci» или «laptop».',
      ),
    },
  );
}
