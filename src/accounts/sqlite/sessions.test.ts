import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { openDatabase } from '../../stores/sqlite/database.js';
import { hashSecret } from '../secrets.js';
import type { User } from '../types.js';
import { SqliteAccountStore } from './account-store.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describe('SQLite account store: sessions', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  let time = Date.parse('2030-01-01T08:00:00.000Z');
  const accounts = new SqliteAccountStore(database, { now: () => new Date(time) });
  let admin: User;
  let user: User;
  beforeAll(async () => {
    admin = await accounts.createUser({ name: 'anna', password: 'anna-password', role: 'admin', groups: [] });
    user = await accounts.createUser({
      name: 'boris',
      password: 'boris-password',
      role: 'user',
      groups: ['hr'],
    });
  });
  afterAll(() => {
    database.close();
    work.cleanup();
  });
  const lastUsedAt = () => database.prepare('SELECT last_used_at FROM sessions').pluck().get() as string;

  it('gives the caller a random id and stores only its SHA-256', () => {
    const { id, session } = accounts.createSession(user.id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.user).toEqual(user);
    expect(session.expiresAt).toBe('2030-01-01T20:00:00.000Z');
    const stored = database.prepare('SELECT id_hash FROM sessions').pluck().all();
    expect(stored).toEqual([hashSecret(id)]);
    expect(accounts.getSession(id)).toEqual(session);
    accounts.deleteSession(id);
    expect(accounts.getSession(id)).toBeUndefined();
  });

  it('has its own CSRF token per session', () => {
    const first = accounts.createSession(user.id);
    const second = accounts.createSession(user.id);
    expect(first.session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.session.csrfToken).not.toBe(second.session.csrfToken);
    expect(first.id).not.toBe(second.id);
    expect(accounts.getSession(first.id)?.csrfToken).toBe(first.session.csrfToken);
    expect(accounts.getSession(second.id)?.csrfToken).toBe(second.session.csrfToken);
    accounts.deleteSession(first.id);
    accounts.deleteSession(second.id);
  });

  it('gives undefined for an unknown id', () => {
    expect(accounts.getSession('made-up')).toBeUndefined();
    expect(accounts.getSession('')).toBeUndefined();
  });

  it('expires after 12 idle hours, and extends on use at most once a minute', () => {
    const { id } = accounts.createSession(user.id);
    const created = lastUsedAt();
    time += 30 * 1000;
    expect(accounts.getSession(id)?.expiresAt).toBe(new Date(Date.parse(created) + 12 * HOUR).toISOString());
    expect(lastUsedAt()).toBe(created);
    time += 11 * HOUR;
    const extended = accounts.getSession(id);
    expect(lastUsedAt()).toBe(new Date(time).toISOString());
    expect(extended?.expiresAt).toBe(new Date(time + 12 * HOUR).toISOString());
    time += 12 * HOUR - MINUTE;
    expect(accounts.getSession(id)).toBeDefined();
    time += 12 * HOUR;
    expect(accounts.getSession(id)).toBeUndefined();
    expect(database.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('expires 7 days after sign-in however often it is used', () => {
    const start = time;
    const { id } = accounts.createSession(user.id);
    while (time < start + 7 * 24 * HOUR - 6 * HOUR) {
      time += 6 * HOUR;
      expect(accounts.getSession(id)).toBeDefined();
    }
    expect(accounts.getSession(id)?.expiresAt).toBe(new Date(start + 7 * 24 * HOUR).toISOString());
    time = start + 7 * 24 * HOUR;
    expect(accounts.getSession(id)).toBeUndefined();
  });

  it('removes expired sessions when new ones are made', () => {
    accounts.createSession(user.id);
    time += 13 * HOUR;
    accounts.createSession(admin.id);
    expect(database.prepare('SELECT user_id FROM sessions').pluck().all()).toEqual([admin.id]);
  });

  it('ends the sessions of a user who is disabled or deleted', async () => {
    const { id } = accounts.createSession(user.id);
    await accounts.updateUser(user.id, { disabled: true });
    expect(accounts.getSession(id)).toBeUndefined();
    await accounts.updateUser(user.id, { disabled: false });
    // Re-enabling does not bring the old session back.
    expect(accounts.getSession(id)).toBeUndefined();
    const again = accounts.createSession(user.id);
    expect(accounts.getSession(again.id)?.user.name).toBe('boris');
    accounts.deleteUser(user.id);
    expect(accounts.getSession(again.id)).toBeUndefined();
    expect(() => accounts.createSession(user.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('shows changes to the user at once', async () => {
    const { id } = accounts.createSession(admin.id);
    await accounts.updateUser(admin.id, { groups: ['eng'] });
    expect(accounts.getSession(id)?.user.groups).toEqual(['eng']);
  });
});
