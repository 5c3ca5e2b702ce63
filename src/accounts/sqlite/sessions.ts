import { unknownUser } from '../errors.js';
import { hashSecret, randomSecret } from '../secrets.js';
import type { Session } from '../types.js';
import type { Clock, Database } from './database.js';
import type { UserRecords } from './user-records.js';

/** A session ends after 12 hours without use, and 7 days after sign-in whatever happens. */
export const IDLE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Use is recorded at most this often, so that reading a session is not a write on every request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

interface SessionRow {
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_used_at: string;
}

/** Browser sessions: the caller holds the random id, the table holds only its SHA-256. */
export class SqliteSessions {
  constructor(
    private readonly database: Database,
    private readonly users: UserRecords,
    private readonly clock: Clock,
  ) {}

  create(userId: number): { id: string; session: Session } {
    const user = this.users.byId(userId);
    if (!user) throw unknownUser(userId);
    const now = this.clock();
    this.removeExpired(now);
    const id = randomSecret();
    const csrfToken = randomSecret();
    const timestamp = now.toISOString();
    this.database
      .prepare(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(hashSecret(id), userId, csrfToken, timestamp, timestamp);
    return { id, session: { user, csrfToken, expiresAt: expiry(timestamp, timestamp).toISOString() } };
  }

  /** The live session of a raw id; an expired one is removed, a disabled user's gives undefined. */
  get(id: string): Session | undefined {
    const idHash = hashSecret(id);
    const row = this.database
      .prepare('SELECT user_id, csrf_token, created_at, last_used_at FROM sessions WHERE id_hash = ?')
      .get(idHash) as SessionRow | undefined;
    if (!row) return undefined;
    const now = this.clock();
    if (expiry(row.created_at, row.last_used_at) <= now) {
      this.database.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
      return undefined;
    }
    const user = this.users.byId(row.user_id);
    if (!user || user.disabled) return undefined;
    let lastUsedAt = row.last_used_at;
    if (now.getTime() - Date.parse(lastUsedAt) >= TOUCH_INTERVAL_MS) {
      lastUsedAt = now.toISOString();
      this.database.prepare('UPDATE sessions SET last_used_at = ? WHERE id_hash = ?').run(lastUsedAt, idHash);
    }
    return { user, csrfToken: row.csrf_token, expiresAt: expiry(row.created_at, lastUsedAt).toISOString() };
  }

  delete(id: string): void {
    this.database.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(id));
  }

  deleteForUser(userId: number): void {
    this.database.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  private removeExpired(now: Date): void {
    this.database
      .prepare('DELETE FROM sessions WHERE last_used_at <= ? OR created_at <= ?')
      .run(
        new Date(now.getTime() - IDLE_LIFETIME_MS).toISOString(),
        new Date(now.getTime() - ABSOLUTE_LIFETIME_MS).toISOString(),
      );
  }
}

/** The earlier of the idle and the absolute expiry. */
function expiry(createdAt: string, lastUsedAt: string): Date {
  return new Date(
    Math.min(Date.parse(lastUsedAt) + IDLE_LIFETIME_MS, Date.parse(createdAt) + ABSOLUTE_LIFETIME_MS),
  );
}
