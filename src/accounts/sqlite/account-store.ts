import { lastAdmin, unknownUser, userExists } from '../errors.js';
import { normalizeGroups, normalizeName, parseName } from '../names.js';
import { hashPassword, UNKNOWN_USER_HASH, validatePassword, verifyPasswordHash } from '../password.js';
import { normalizeDisplayName, validateRole } from '../profile.js';
import type { AccountStore, ApiTokenRecord, NewUser, Session, User, UserChanges } from '../types.js';
import { SqliteApiTokens } from './api-tokens.js';
import { type Clock, type Database, isUniqueViolation, systemClock } from './database.js';
import { GroupMemberships } from './group-memberships.js';
import { SqliteSessions } from './sessions.js';
import { UserRecords } from './user-records.js';

export interface AccountStoreOptions {
  /** The clock (tests move it to expire sessions). */
  now?: Clock;
}

/**
 * Users, groups, sessions and API tokens in the spravka SQLite database. Passwords are kept as scrypt
 * hashes, session ids and tokens as SHA-256; there is always at least one enabled administrator once
 * the first one exists.
 */
export class SqliteAccountStore implements AccountStore {
  private readonly users: UserRecords;
  private readonly groups: GroupMemberships;
  private readonly sessions: SqliteSessions;
  private readonly tokens: SqliteApiTokens;
  private readonly clock: Clock;

  constructor(
    private readonly database: Database,
    options: AccountStoreOptions = {},
  ) {
    this.clock = options.now ?? systemClock;
    this.users = new UserRecords(database);
    this.groups = new GroupMemberships(database);
    this.sessions = new SqliteSessions(database, this.users, this.clock);
    this.tokens = new SqliteApiTokens(database, this.users, this.clock);
  }

  countUsers(): number {
    return this.database.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  /** Enabled administrators. */
  countAdmins(): number {
    return this.users.countEnabledAdmins();
  }

  async createUser(user: NewUser): Promise<User> {
    const name = normalizeName(user.name, 'user');
    validatePassword(user.password);
    const role = validateRole(user.role);
    const groups = normalizeGroups(user.groups);
    const displayName = normalizeDisplayName(user.displayName, name);
    if (this.users.byName(name)) throw userExists(name);
    const passwordHash = await hashPassword(user.password);
    try {
      const id = this.database.transaction(() => {
        const info = this.database
          .prepare(
            'INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(name, displayName, role, passwordHash, this.clock().toISOString());
        const id = Number(info.lastInsertRowid);
        this.groups.replace(id, groups);
        return id;
      })();
      return this.requireUser(id);
    } catch (error) {
      // Another request created the same name while the password was being hashed.
      if (isUniqueViolation(error)) throw userExists(name);
      throw error;
    }
  }

  /** An unknown name costs the same scrypt work as a known one, so timing does not tell them apart. */
  async verifyPassword(name: string, password: string): Promise<User | undefined> {
    const normalized = parseName(name);
    const user = normalized === undefined ? undefined : this.users.byName(normalized);
    const hash = user ? this.users.passwordHash(user.id) : UNKNOWN_USER_HASH;
    const matches = await verifyPasswordHash(password, hash);
    return matches && user && !user.disabled ? user : undefined;
  }

  getUser(id: number): User | undefined {
    return this.users.byId(id);
  }

  findUser(name: string): User | undefined {
    const normalized = parseName(name);
    return normalized === undefined ? undefined : this.users.byName(normalized);
  }

  listUsers(): User[] {
    return this.users.all();
  }

  /** Disabling a user also ends their sessions; their tokens stop working while they are disabled. */
  async updateUser(id: number, changes: UserChanges): Promise<User> {
    const current = this.requireUser(id);
    const role = changes.role === undefined ? null : validateRole(changes.role);
    const groups = changes.groups === undefined ? undefined : normalizeGroups(changes.groups);
    const displayName =
      changes.displayName === undefined ? null : normalizeDisplayName(changes.displayName, current.name);
    const disabled = changes.disabled === undefined ? null : changes.disabled ? 1 : 0;
    if (changes.password !== undefined) validatePassword(changes.password);
    const passwordHash = changes.password === undefined ? null : await hashPassword(changes.password);
    this.withAdminKept(() => {
      const { changes: updated } = this.database
        .prepare(
          `UPDATE users SET display_name = coalesce(?, display_name), role = coalesce(?, role),
             disabled = coalesce(?, disabled), password_hash = coalesce(?, password_hash)
           WHERE id = ?`,
        )
        .run(displayName, role, disabled, passwordHash, id);
      // The user may have been deleted while the password was being hashed.
      if (updated === 0) throw unknownUser(id);
      if (groups) this.groups.replace(id, groups);
      if (disabled === 1) this.sessions.deleteForUser(id);
    });
    return this.requireUser(id);
  }

  /** Removes the user with their sessions, tokens and conversations (cascading deletes). */
  deleteUser(id: number): void {
    this.requireUser(id);
    this.withAdminKept(() => {
      this.database.prepare('DELETE FROM users WHERE id = ?').run(id);
      this.groups.removeEmpty();
    });
  }

  listGroups(): Array<{ name: string; members: number }> {
    return this.groups.list();
  }

  createSession(userId: number): { id: string; session: Session } {
    return this.sessions.create(userId);
  }

  getSession(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  deleteSession(id: string): void {
    this.sessions.delete(id);
  }

  createApiToken(userId: number, name: string): { token: string; record: ApiTokenRecord } {
    return this.tokens.create(userId, name);
  }

  listApiTokens(userId: number): ApiTokenRecord[] {
    return this.tokens.list(userId);
  }

  deleteApiToken(userId: number, tokenId: number): boolean {
    return this.tokens.delete(userId, tokenId);
  }

  authenticateToken(token: string): User | undefined {
    return this.tokens.authenticate(token);
  }

  private requireUser(id: number): User {
    const user = this.users.byId(id);
    if (!user) throw unknownUser(id);
    return user;
  }

  /** Runs a change in a transaction that is rolled back when it leaves no enabled administrator. */
  private withAdminKept(change: () => void): void {
    this.database.transaction(() => {
      const before = this.users.countEnabledAdmins();
      change();
      if (before > 0 && this.users.countEnabledAdmins() === 0) throw lastAdmin();
    })();
  }
}
