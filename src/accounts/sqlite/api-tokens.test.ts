import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { openDatabase } from '../../stores/sqlite/database.js';
import { hashSecret } from '../secrets.js';
import type { User } from '../types.js';
import { SqliteAccountStore } from './account-store.js';

describe('SQLite account store: API tokens', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  let time = Date.parse('2030-01-01T08:00:00.000Z');
  const accounts = new SqliteAccountStore(database, { now: () => new Date(time) });
  let admin: User;
  let user: User;
  beforeAll(async () => {
    admin = await accounts.createUser({ name: 'anna', password: 'anna-password', role: 'admin', groups: [] });
    user = await accounts.createUser({ name: 'boris', password: 'boris-password', role: 'user', groups: [] });
  });
  afterAll(() => {
    database.close();
    work.cleanup();
  });

  it('makes spr_ tokens shown once and stored only as SHA-256', () => {
    const { token, record } = accounts.createApiToken(user.id, ' laptop ');
    expect(token).toMatch(/^spr_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: expect.any(Number),
      name: 'laptop',
      createdAt: new Date(time).toISOString(),
      lastUsedAt: null,
    });
    expect(database.prepare('SELECT token_hash FROM api_tokens').pluck().all()).toEqual([hashSecret(token)]);
    expect(accounts.listApiTokens(user.id)).toEqual([record]);
    expect(accounts.listApiTokens(admin.id)).toEqual([]);
  });

  it('authenticates a token as its user and records the use at most once a minute', () => {
    const { token, record } = accounts.createApiToken(user.id, 'ci');
    expect(accounts.authenticateToken(token)).toEqual(user);
    const firstUse = new Date(time).toISOString();
    const lastUsed = () => accounts.listApiTokens(user.id).find((item) => item.id === record.id)?.lastUsedAt;
    expect(lastUsed()).toBe(firstUse);
    time += 30 * 1000;
    accounts.authenticateToken(token);
    expect(lastUsed()).toBe(firstUse);
    time += 60 * 1000;
    accounts.authenticateToken(token);
    expect(lastUsed()).toBe(new Date(time).toISOString());
  });

  it('refuses unknown, malformed and altered tokens', () => {
    const { token } = accounts.createApiToken(user.id, 'other');
    expect(accounts.authenticateToken('')).toBeUndefined();
    expect(accounts.authenticateToken(token.slice(4))).toBeUndefined();
    expect(
      accounts.authenticateToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
    ).toBeUndefined();
  });

  it('revokes only the owner’s token', () => {
    const { token, record } = accounts.createApiToken(user.id, 'revoked');
    expect(accounts.deleteApiToken(admin.id, record.id)).toBe(false);
    expect(accounts.authenticateToken(token)).toBeDefined();
    expect(accounts.deleteApiToken(user.id, record.id)).toBe(true);
    expect(accounts.deleteApiToken(user.id, record.id)).toBe(false);
    expect(accounts.authenticateToken(token)).toBeUndefined();
  });

  it('refuses an empty name and an unknown user', () => {
    expect(() => accounts.createApiToken(user.id, '  ')).toThrow(
      expect.objectContaining({ code: 'query_invalid' }),
    );
    expect(() => accounts.createApiToken(9999, 'x')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('stops working while the user is disabled, and for good when the user is deleted', async () => {
    const { token } = accounts.createApiToken(user.id, 'disabled');
    await accounts.updateUser(user.id, { disabled: true });
    expect(accounts.authenticateToken(token)).toBeUndefined();
    await accounts.updateUser(user.id, { disabled: false });
    expect(accounts.authenticateToken(token)).toMatchObject({ name: 'boris' });
    accounts.deleteUser(user.id);
    expect(accounts.authenticateToken(token)).toBeUndefined();
    expect(database.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(0);
  });
});
