import type { Principal } from '../domain/types.js';

/**
 * The accounts contract: local users with roles and groups, browser sessions and personal API tokens.
 * Secrets (passwords, session ids, tokens) are stored only as hashes.
 */
export type Role = 'admin' | 'user';

export interface User {
  id: number;
  /** Login name: lower-case letters, digits, `.`, `_`, `-`; the `user:NAME` principal. */
  name: string;
  displayName: string;
  role: Role;
  groups: string[];
  disabled: boolean;
  createdAt: string;
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

export interface Session {
  user: User;
  /** Sent by the browser in `X-CSRF-Token` with every state-changing request. */
  csrfToken: string;
  expiresAt: string;
}

export interface ApiTokenRecord {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AccountStore {
  countUsers(): number;
  countAdmins(): number;
  /** Fails with `user_exists` for a taken name and `query_invalid` for a bad name or a weak password. */
  createUser(user: NewUser): Promise<User>;
  /** The user when the password is right and the account enabled; undefined otherwise (no hint which). */
  verifyPassword(name: string, password: string): Promise<User | undefined>;
  getUser(id: number): User | undefined;
  findUser(name: string): User | undefined;
  listUsers(): User[];
  /** Fails with `last_admin` when it would leave no enabled administrator. */
  updateUser(id: number, changes: UserChanges): Promise<User>;
  deleteUser(id: number): void;
  listGroups(): Array<{ name: string; members: number }>;

  /** A new session: the raw session id goes into the cookie and is stored only hashed. */
  createSession(userId: number): { id: string; session: Session };
  /** The live session of a raw id (expired ones and disabled users give undefined); extends it on use. */
  getSession(id: string): Session | undefined;
  deleteSession(id: string): void;

  /** A new personal token (`spr_…`), shown once. */
  createApiToken(userId: number, name: string): { token: string; record: ApiTokenRecord };
  listApiTokens(userId: number): ApiTokenRecord[];
  /** False when the token is not the user's. */
  deleteApiToken(userId: number, tokenId: number): boolean;
  /** The enabled user a raw token belongs to. */
  authenticateToken(token: string): User | undefined;
}

/** What a user may read: `user:NAME`, `group:G` for each group, and `public`. */
export function principalsOf(user: User): Principal[] {
  return [`user:${user.name}`, ...user.groups.map((group) => `group:${group}`), 'public'];
}
