import type { Role, User } from '../types.js';
import type { Database } from './database.js';

interface UserRow {
  id: number;
  name: string;
  display_name: string;
  role: Role;
  disabled: number;
  created_at: string;
  groups: string | null;
}

/** Each user with their group names, comma-joined (names cannot contain commas). */
const SELECT_USERS = `
  SELECT users.id, users.name, users.display_name, users.role, users.disabled, users.created_at,
    (SELECT group_concat(groups.name, ',') FROM user_groups JOIN groups ON groups.id = user_groups.group_id
     WHERE user_groups.user_id = users.id) AS groups
  FROM users`;

/** Reads users, with their groups, from the `users`, `groups` and `user_groups` tables. */
export class UserRecords {
  constructor(private readonly database: Database) {}

  byId(id: number): User | undefined {
    const row = this.database.prepare(`${SELECT_USERS} WHERE users.id = ?`).get(id) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  byName(name: string): User | undefined {
    const row = this.database.prepare(`${SELECT_USERS} WHERE users.name = ?`).get(name) as
      | UserRow
      | undefined;
    return row ? toUser(row) : undefined;
  }

  all(): User[] {
    const rows = this.database.prepare(`${SELECT_USERS} ORDER BY users.name`).all() as UserRow[];
    return rows.map(toUser);
  }

  passwordHash(id: number): string {
    return this.database.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string;
  }

  countEnabledAdmins(): number {
    return this.database
      .prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0")
      .pluck()
      .get() as number;
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    groups: row.groups ? row.groups.split(',').sort() : [],
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  };
}
