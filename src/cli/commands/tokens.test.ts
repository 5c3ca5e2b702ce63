import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/cli.js';
import { temporaryDirectory } from '../../../test-support/files.js';
import { SqliteAccountStore } from '../../accounts/index.js';
import { openDatabase } from '../../stores/sqlite/database.js';

describe('spravka tokens', () => {
  const work = temporaryDirectory('spravka-tokens-cli-');
  const dataDir = join(work.path, 'data');
  const env = { SPRAVKA_DATA_DIR: dataDir };
  beforeAll(async () => {
    const added = await runCli(['users', 'add', 'ivan', '--group', 'eng', '--password-stdin'], {
      env,
      input: 'ivan password\n',
    });
    expect(added.code).toBe(0);
  });
  afterAll(() => work.cleanup());

  function authenticate(token: string) {
    const database = openDatabase(join(dataDir, 'spravka.db'));
    try {
      return new SqliteAccountStore(database).authenticateToken(token);
    } finally {
      database.close();
    }
  }

  it('prints only the new token, and the token authenticates as the user', async () => {
    const result = await runCli(['tokens', 'create', '--user', 'ivan', '--name', 'ci'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^spr_[A-Za-z0-9_-]{43}\n$/);
    expect(authenticate(result.stdout.trim())).toMatchObject({ name: 'ivan', groups: ['eng'] });
  });

  it('lists tokens without their secrets and revokes them', async () => {
    const token = (await runCli(['tokens', 'create', '--user', 'ivan'], { env })).stdout.trim();
    const listed = JSON.parse((await runCli(['tokens', 'list', '--user', 'ivan', '--json'], { env })).stdout);
    expect(listed.map((record: { name: string }) => record.name)).toEqual(['ci', 'cli']);
    expect(JSON.stringify(listed)).not.toContain(token.slice(4));
    const text = await runCli(['tokens', 'list', '--user', 'ivan'], { env });
    expect(text.stdout).toMatch(/^\d+\tcli\t\S+\tnever used$/m);
    const revoked = await runCli(['tokens', 'revoke', String(listed[1].id), '--user', 'ivan'], { env });
    expect(revoked.code).toBe(0);
    expect(authenticate(token)).toBeUndefined();
    const again = await runCli(['tokens', 'revoke', String(listed[1].id), '--user', 'ivan'], { env });
    expect(again.code).toBe(1);
  });

  it('refuses an unknown user', async () => {
    const result = await runCli(['tokens', 'create', '--user', 'nobody'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/No user named "nobody"/);
  });
});
