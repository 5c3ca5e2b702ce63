import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
}

describe('git source end to end', () => {
  const work = temporaryDirectory('spravka-git-e2e-');
  const repository = join(work.path, 'backend');
  const env = { SPRAVKA_DATA_DIR: join(work.path, 'data') };

  beforeAll(() => {
    writeTree(repository, {
      'src/payments/charge.ts':
        'export class PaymentGateway {\n  charge(amount: number) {\n    return this.client.post("/charges", { amount });\n  }\n}\n',
      'docs/deploy.md': '# Deploy\n\nDeploy the backend with the release pipeline.',
    });
    git(repository, 'init', '-q', '-b', 'main');
    git(repository, 'add', '.');
    git(repository, 'commit', '-qm', 'first');
  });

  afterAll(() => work.cleanup());

  it('indexes the branch head with deep links to files and lines, then syncs only what commits changed', async () => {
    const template = 'https://gitlab.example.com/team/backend/-/blob/{commit}/{path}';
    const added = await runCli(
      [
        'source',
        'add',
        'backend',
        '--type',
        'git',
        '--url',
        repository,
        '--branch',
        'main',
        '--url-template',
        template,
      ],
      { env },
    );
    expect(added.code).toBe(0);
    const first = JSON.parse((await runCli(['sync', '--json'], { env })).stdout)[0];
    expect(first).toMatchObject({ status: 'succeeded', added: 2, failed: 0 });

    const head = git(repository, 'rev-parse', 'HEAD');
    const [hit] = JSON.parse((await runCli(['search', 'payment gateway charge', '--json'], { env })).stdout);
    expect(hit).toMatchObject({
      uri: 'src/payments/charge.ts',
      source: 'backend',
      lines: { start: 1, end: 5 },
    });
    expect(hit.url).toBe(
      `https://gitlab.example.com/team/backend/-/blob/${head}/src/payments/charge.ts#L1-5`,
    );

    writeFileSync(join(repository, 'docs/deploy.md'), '# Deploy\n\nDeploy with the canary rollout now.');
    rmSync(join(repository, 'src/payments/charge.ts'));
    writeTree(repository, { 'README.md': '# Backend\n\nThe payments backend.' });
    git(repository, 'add', '-A');
    git(repository, 'commit', '-qm', 'second');
    const second = JSON.parse((await runCli(['sync', '--json'], { env })).stdout)[0];
    expect(second).toMatchObject({ status: 'succeeded', added: 1, updated: 1, deleted: 1, unchanged: 0 });
    const third = JSON.parse((await runCli(['sync', '--json'], { env })).stdout)[0];
    expect(third).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 0 });
    const results = JSON.parse((await runCli(['search', 'canary rollout', '--json'], { env })).stdout);
    expect(results[0].uri).toBe('docs/deploy.md');
  });

  it('reports an unreachable repository clearly, exits non-zero and keeps the other sources', async () => {
    expect(
      (
        await runCli(['source', 'add', 'gone', '--type', 'git', '--url', 'http://127.0.0.1:9/none.git'], {
          env,
        })
      ).code,
    ).toBe(0);
    const result = await runCli(['sync'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^backend: 0 added/m);
    expect(result.stderr).toMatch(/spravka: error: .*127\.0\.0\.1:9/);
    const still = JSON.parse((await runCli(['search', 'canary rollout', '--json'], { env })).stdout);
    expect(still[0].uri).toBe('docs/deploy.md');
  });
});
