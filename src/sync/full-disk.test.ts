import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';

describe('a sync that runs out of space', () => {
  const work = temporaryDirectory('spravka-full-');
  const dataDir = join(work.path, 'data');
  afterAll(() => work.cleanup());

  it('stops with a clear message, keeps what was indexed and completes once there is room', async () => {
    writeTree(join(work.path, 'small'), { 'a.md': '# Alpha\n\nThe alpha runbook.' });
    const big: Record<string, string> = {};
    for (let index = 0; index < 200; index++) {
      big[`page-${index}.md`] =
        `# Page ${index}\n\n${`unique${index} words about storage quotas and limits `.repeat(120)}`;
    }
    writeTree(join(work.path, 'big'), big);
    const env = { SPRAVKA_DATA_DIR: dataDir };
    await runCli(['source', 'add', 'small', '--type', 'folder', '--path', join(work.path, 'small')], { env });
    await runCli(['source', 'add', 'big', '--type', 'folder', '--path', join(work.path, 'big')], { env });
    expect((await runCli(['sync', 'small'], { env })).code).toBe(0);

    const full = await runCli(['sync', 'big'], { env: { ...env, SPRAVKA_MAX_INDEX_MB: '1' } });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/disk is full[\s\S]*Free some space/);

    const database = new Database(join(dataDir, 'spravka.db'));
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    const incomplete = database
      .prepare(
        'SELECT count(*) FROM documents WHERE chunk_count != (SELECT count(*) FROM chunks WHERE document_id = documents.id)',
      )
      .pluck()
      .get();
    expect(incomplete).toBe(0);
    database.close();
    const alpha = JSON.parse((await runCli(['search', 'alpha runbook', '--json'], { env })).stdout);
    expect(alpha[0].uri).toBe('a.md');

    const resumed = await runCli(['sync', 'big', '--json'], { env });
    expect(resumed.code).toBe(0);
    const [report] = JSON.parse(resumed.stdout);
    expect(report.added + report.unchanged).toBe(200);
    const last = JSON.parse((await runCli(['search', 'unique199', '--json', '--k', '1'], { env })).stdout);
    expect(last[0].uri).toBe('page-199.md');
  });
});
