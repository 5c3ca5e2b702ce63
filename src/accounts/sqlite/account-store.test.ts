import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { openDatabase } from '../../stores/sqlite/database.js';
import { SqliteAccountStore } from './account-store.js';

describe('SQLite account store: users and groups', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  const accounts = new SqliteAccountStore(database, { now: () => new Date('2030-01-02T03:04:05.000Z') });
  afterAll(() => {
    database.close();
    work.cleanup();
  });

  it('creates a user with a normalized name, groups and display name', async () => {
    expect(accounts.countUsers()).toBe(0);
    expect(accounts.countAdmins()).toBe(0);
    const admin = await accounts.createUser({
      name: 'Anna',
      password: 'anna-password',
      role: 'admin',
      groups: ['Ops', 'eng', 'ops'],
      displayName: '  Anna Ivanova ',
    });
    expect(admin).toEqual({
      id: expect.any(Number),
      name: 'anna',
      displayName: 'Anna Ivanova',
      role: 'admin',
      groups: ['eng', 'ops'],
      disabled: false,
      createdAt: '2030-01-02T03:04:05.000Z',
    });
    expect(accounts.countUsers()).toBe(1);
    expect(accounts.countAdmins()).toBe(1);
    expect(accounts.findUser('ANNA')).toEqual(admin);
    expect(accounts.getUser(admin.id)).toEqual(admin);
    const stored = database.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('anna-password');
  });

  it('defaults the display name to the login name', async () => {
    const user = await accounts.createUser({
      name: 'boris',
      password: 'boris-password',
      role: 'user',
      groups: [],
    });
    expect(user).toMatchObject({ displayName: 'boris', groups: [], role: 'user' });
  });

  it('refuses a taken name, a bad name, a weak password and an unknown role', async () => {
    const user = { password: 'long enough', role: 'user' as const, groups: [] };
    await expect(accounts.createUser({ ...user, name: 'ANNA' })).rejects.toMatchObject({
      code: 'user_exists',
      text: { ru: 'Пользователь «anna» уже есть.' },
    });
    await expect(accounts.createUser({ ...user, name: 'no spaces' })).rejects.toMatchObject({
      code: 'query_invalid',
    });
    await expect(accounts.createUser({ ...user, name: 'vera', password: 'short' })).rejects.toMatchObject({
      code: 'query_invalid',
      text: { en: expect.stringMatching(/at least 8/), ru: expect.stringMatching(/не меньше 8/) },
    });
    await expect(
      accounts.createUser({ ...user, name: 'vera', role: 'root' as 'user' }),
    ).rejects.toMatchObject({
      code: 'query_invalid',
    });
    expect(accounts.findUser('vera')).toBeUndefined();
  });

  it('verifies passwords; unknown names and disabled users give undefined', async () => {
    expect(await accounts.verifyPassword('Anna', 'anna-password')).toMatchObject({ name: 'anna' });
    expect(await accounts.verifyPassword('anna', 'wrong-password')).toBeUndefined();
    const started = performance.now();
    expect(await accounts.verifyPassword('nobody', 'anna-password')).toBeUndefined();
    // The unknown name went through scrypt too (a lookup alone takes well under a millisecond).
    expect(performance.now() - started).toBeGreaterThan(5);
    expect(await accounts.verifyPassword('not a name!', 'anna-password')).toBeUndefined();
    const boris = accounts.findUser('boris');
    await accounts.updateUser(boris?.id ?? 0, { disabled: true });
    expect(await accounts.verifyPassword('boris', 'boris-password')).toBeUndefined();
    await accounts.updateUser(boris?.id ?? 0, { disabled: false });
    expect(await accounts.verifyPassword('boris', 'boris-password')).toMatchObject({ name: 'boris' });
  });

  it('changes the password, display name, role and groups', async () => {
    const boris = accounts.findUser('boris');
    const changed = await accounts.updateUser(boris?.id ?? 0, {
      password: 'new boris password',
      displayName: 'Boris B.',
      groups: ['hr'],
    });
    expect(changed).toMatchObject({ displayName: 'Boris B.', groups: ['hr'], role: 'user' });
    expect(await accounts.verifyPassword('boris', 'boris-password')).toBeUndefined();
    expect(await accounts.verifyPassword('boris', 'new boris password')).toMatchObject({ name: 'boris' });
    await expect(accounts.updateUser(boris?.id ?? 0, { password: 'short' })).rejects.toMatchObject({
      code: 'query_invalid',
    });
    await expect(accounts.updateUser(9999, { displayName: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('creates groups by assignment and lists them with member counts, dropping empty ones', async () => {
    expect(accounts.listGroups()).toEqual([
      { name: 'eng', members: 1 },
      { name: 'hr', members: 1 },
      { name: 'ops', members: 1 },
    ]);
    const boris = accounts.findUser('boris');
    await accounts.updateUser(boris?.id ?? 0, { groups: ['eng', 'qa'] });
    expect(accounts.listGroups()).toEqual([
      { name: 'eng', members: 2 },
      { name: 'ops', members: 1 },
      { name: 'qa', members: 1 },
    ]);
    expect(accounts.listUsers().map((user) => [user.name, user.groups])).toEqual([
      ['anna', ['eng', 'ops']],
      ['boris', ['eng', 'qa']],
    ]);
  });

  it('never leaves no enabled administrator', async () => {
    const anna = accounts.findUser('anna');
    const boris = accounts.findUser('boris');
    const annaId = anna?.id ?? 0;
    for (const change of [{ role: 'user' as const }, { disabled: true }]) {
      await expect(accounts.updateUser(annaId, change)).rejects.toMatchObject({
        code: 'last_admin',
        text: { ru: expect.stringMatching(/администратора/) },
      });
    }
    expect(() => accounts.deleteUser(annaId)).toThrow(expect.objectContaining({ code: 'last_admin' }));
    expect(accounts.getUser(annaId)).toMatchObject({ role: 'admin', disabled: false });

    // With a second administrator, the first may step down; then the second is the last one.
    await accounts.updateUser(boris?.id ?? 0, { role: 'admin' });
    await accounts.updateUser(annaId, { role: 'user' });
    expect(accounts.countAdmins()).toBe(1);
    await expect(accounts.updateUser(boris?.id ?? 0, { disabled: true })).rejects.toMatchObject({
      code: 'last_admin',
    });
    await accounts.updateUser(annaId, { role: 'admin' });
  });

  it('deletes a user with their group memberships', async () => {
    const boris = accounts.findUser('boris');
    accounts.deleteUser(boris?.id ?? 0);
    expect(accounts.findUser('boris')).toBeUndefined();
    expect(accounts.listGroups()).toEqual([
      { name: 'eng', members: 1 },
      { name: 'ops', members: 1 },
    ]);
    expect(() => accounts.deleteUser(boris?.id ?? 0)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
