import type { Database } from './database.js';

/**
 * Groups exist while they have members: assigning a user to a new name creates the group, and a group
 * left without members is removed.
 */
export class GroupMemberships {
  constructor(private readonly database: Database) {}

  /** Makes `groups` (already normalized) the user's exact set of groups. Call inside a transaction. */
  replace(userId: number, groups: readonly string[]): void {
    this.database.prepare('DELETE FROM user_groups WHERE user_id = ?').run(userId);
    const createGroup = this.database.prepare(
      'INSERT INTO groups (name) VALUES (?) ON CONFLICT (name) DO NOTHING',
    );
    const addMember = this.database.prepare(
      'INSERT INTO user_groups (user_id, group_id) SELECT ?, id FROM groups WHERE name = ?',
    );
    for (const group of groups) {
      createGroup.run(group);
      addMember.run(userId, group);
    }
    this.removeEmpty();
  }

  removeEmpty(): void {
    this.database
      .prepare('DELETE FROM groups WHERE NOT EXISTS (SELECT 1 FROM user_groups WHERE group_id = groups.id)')
      .run();
  }

  list(): Array<{ name: string; members: number }> {
    return this.database
      .prepare(
        `SELECT groups.name AS name, count(user_groups.user_id) AS members
         FROM groups LEFT JOIN user_groups ON user_groups.group_id = groups.id
         GROUP BY groups.id ORDER BY groups.name`,
      )
      .all() as Array<{ name: string; members: number }>;
  }
}
