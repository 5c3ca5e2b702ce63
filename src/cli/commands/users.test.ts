import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/cli.js';
import { temporaryDirectory } from '../../../test-support/files.js';
import { SqliteAccountStore } from '../../accounts/index.js';
import { openDatabase } from '../../stores/sqlite/database.js';

describe('spravka users', () => {
  const work = temporaryDirectory('spravka-users-cli-');
  const dataDir = join(work.path, 'data');
  const env = { SPRAVKA_DATA_DIR: dataDir };
  afterAll(() => work.cleanup());

  /** Checks a password against the data directory the commands wrote. */
  async function signsIn(name: string, password: string): Promise<boolean> {
    const database = openDatabase(join(dataDir, 'spravka.db'));
    try {
      return (await new SqliteAccountStore(database).verifyPassword(name, password)) !== undefined;
    } finally {
      database.close();
    }
  }

  it('refuses a password anywhere but stdin', async () => {
    const result = await runCli(['users', 'add', 'anna', '--admin'], { env, input: 'anna-password\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--password-stdin/);
    const russian = await runCli(['users', 'add', 'anna'], { env: { ...env, SPRAVKA_LANG: 'ru' } });
    expect(russian.stderr).toMatch(/Пароль читается только из stdin/);
  });

  it('adds users with the first line of stdin as the password', async () => {
    const admin = await runCli(
      ['users', 'add', 'Anna', '--admin', '--display-name', 'Anna Ivanova', '--password-stdin'],
      { env, input: 'anna password\nsecond line is ignored\n' },
    );
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/Added administrator "anna"/);
    const user = await runCli(
      ['users', 'add', 'boris', '--group', 'eng', '--group', 'ops', '--password-stdin'],
      { env, input: 'boris password' },
    );
    expect(user.code).toBe(0);
    expect(await signsIn('anna', 'anna password')).toBe(true);
    expect(await signsIn('boris', 'boris password')).toBe(true);
  });

  it('explains a weak password and a taken name', async () => {
    const weak = await runCli(['users', 'add', 'vera', '--password-stdin'], { env, input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 8 characters/);
    const taken = await runCli(['users', 'add', 'anna', '--password-stdin'], { env, input: 'long enough\n' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
  });

  it('lists users as text and JSON', async () => {
    const listed = await runCli(['users', 'list'], { env });
    expect(listed.stdout.trim().split('\n')).toEqual([
      'anna\tadmin\t-\tenabled\tAnna Ivanova',
      'boris\tuser\teng,ops\tenabled\tboris',
    ]);
    const json = JSON.parse((await runCli(['users', 'list', '--json'], { env })).stdout);
    expect(json[1]).toMatchObject({ name: 'boris', role: 'user', groups: ['eng', 'ops'], disabled: false });
  });

  it('changes a password, disables and enables a user', async () => {
    const changed = await runCli(['users', 'set-password', 'boris', '--password-stdin'], {
      env,
      input: 'new boris password\n',
    });
    expect(changed.code).toBe(0);
    expect(await signsIn('boris', 'new boris password')).toBe(true);
    expect((await runCli(['users', 'disable', 'boris'], { env })).code).toBe(0);
    expect(await signsIn('boris', 'new boris password')).toBe(false);
    expect((await runCli(['users', 'enable', 'boris'], { env })).code).toBe(0);
    expect(await signsIn('boris', 'new boris password')).toBe(true);
  });

  it('keeps the last administrator and names unknown users', async () => {
    const last = await runCli(['users', 'disable', 'anna'], { env });
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/no enabled administrator/);
    const unknown = await runCli(['users', 'disable', 'nobody'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user named "nobody"/);
  });
});
