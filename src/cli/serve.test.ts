import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { REPOSITORY_ROOT, temporaryDirectory } from '../../test-support/files.js';

describe('spravka serve on a fresh data directory', () => {
  const work = temporaryDirectory('spravka-serve-');
  const env = { ...process.env, SPRAVKA_DATA_DIR: join(work.path, 'data'), SPRAVKA_PORT: '0' };
  afterAll(() => work.cleanup());

  it('indexes its own docs as a demo source, serves search, and stops on SIGTERM', async () => {
    const server = spawn(process.execPath, [join(REPOSITORY_ROOT, 'bin', 'spravka.js'), 'serve'], { env });
    let stderr = '';
    server.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const address = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      server.stdout.on('data', (data: Buffer) => {
        stdout += data.toString();
        const match = stdout.match(/listening on (http:\/\/\S+)/);
        if (match?.[1]) resolve(match[1]);
      });
      server.on('exit', () => reject(new Error(`server exited: ${stderr}`)));
    });
    try {
      const health = await fetch(`${address}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const response = await fetch(
        `${address}/api/search?q=${encodeURIComponent('how do I add a git repository source')}&k=3`,
      );
      const results = (await response.json()) as Array<{ source: string; uri: string }>;
      expect(results[0]?.source).toBe('spravka-docs');
      expect(results.map((result) => result.uri)).toContain('sources.md');
      const russian = await fetch(
        `${address}/api/search?q=${encodeURIComponent('как добавить git-репозиторий')}&k=3`,
      );
      const russianResults = (await russian.json()) as Array<{ uri: string }>;
      expect(russianResults.map((result) => result.uri)).toContain('ru/sources.md');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/First start: indexing spravka's own documentation/);

    // The demo source is added once: after removing it, a restart does not bring it back.
    expect(
      (
        await runCli(['source', 'remove', 'spravka-docs'], {
          env: { SPRAVKA_DATA_DIR: env.SPRAVKA_DATA_DIR },
        })
      ).code,
    ).toBe(0);
    const again = spawn(process.execPath, [join(REPOSITORY_ROOT, 'bin', 'spravka.js'), 'serve'], { env });
    const againExited = new Promise<number | null>((resolve) => again.on('exit', resolve));
    await new Promise<void>((resolve) => again.stdout.on('data', () => resolve()));
    again.kill('SIGTERM');
    expect(await againExited).toBe(0);
    const list = JSON.parse(
      (await runCli(['source', 'list', '--json'], { env: { SPRAVKA_DATA_DIR: env.SPRAVKA_DATA_DIR } }))
        .stdout,
    );
    expect(list).toEqual([]);
  });
});
