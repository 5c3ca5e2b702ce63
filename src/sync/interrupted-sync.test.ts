import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { REPOSITORY_ROOT, temporaryDirectory, writeTree } from '../../test-support/files.js';

const FILES = 600;

function countDocuments(databasePath: string): number {
  const database = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return database.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  } catch {
    return 0;
  } finally {
    database.close();
  }
}

describe('a sync killed half-way', () => {
  const work = temporaryDirectory('spravka-kill-');
  const env = { SPRAVKA_DATA_DIR: join(work.path, 'data') };
  afterAll(() => work.cleanup());

  it('leaves a consistent index and the next sync finishes the work', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < FILES; index++) {
      files[`page-${index}.md`] =
        `# Page ${index}\n\n${'Lorem ipsum dolor sit amet, service configuration. '.repeat(40)}`;
    }
    writeTree(join(work.path, 'pages'), files);
    expect(
      (
        await runCli(['source', 'add', 'pages', '--type', 'folder', '--path', join(work.path, 'pages')], {
          env,
        })
      ).code,
    ).toBe(0);

    const databasePath = join(env.SPRAVKA_DATA_DIR, 'spravka.db');
    const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'bin', 'spravka.js'), 'sync'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let indexed = 0;
    for (let attempt = 0; attempt < 600 && indexed < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      indexed = countDocuments(databasePath);
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = countDocuments(databasePath);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(FILES);

    const database = new Database(databasePath);
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every indexed document has all its chunks in the lexical index: no half-written document.
    const orphans = database
      .prepare(
        `SELECT count(*) FROM documents WHERE chunk_count != (SELECT count(*) FROM chunks WHERE chunks.document_id = documents.id)`,
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
    database.close();

    const resumed = await runCli(['sync', '--json'], { env });
    expect(resumed.code).toBe(0);
    const [report] = JSON.parse(resumed.stdout);
    expect(report.status).toBe('succeeded');
    expect(report.added + report.unchanged).toBe(FILES);
    expect(report.unchanged).toBeGreaterThanOrEqual(afterKill);
    expect(countDocuments(databasePath)).toBe(FILES);

    const list = JSON.parse((await runCli(['source', 'list', '--json'], { env })).stdout);
    expect(list[0].lastRun.status).toBe('succeeded');
    const search = JSON.parse((await runCli(['search', 'Page 599', '--json', '--k', '1'], { env })).stdout);
    expect(search[0].uri).toBe('page-599.md');
  });

  it('refuses a second sync of a source while a live process holds it', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      const databasePath = join(env.SPRAVKA_DATA_DIR, 'spravka.db');
      const database = new Database(databasePath);
      database
        .prepare('INSERT OR REPLACE INTO sync_locks (source_id, pid, acquired_at) VALUES (1, ?, ?)')
        .run(sleeper.pid, new Date().toISOString());
      database.close();
      const second = await runCli(['sync', 'pages'], { env });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/being synced by another process/);
      // Other sources are synced all the same.
      writeTree(join(work.path, 'other'), { 'note.md': '# Note\n\nAnother source.' });
      await runCli(['source', 'add', 'other', '--type', 'folder', '--path', join(work.path, 'other')], {
        env,
      });
      const both = await runCli(['sync'], { env });
      expect(both.code).toBe(1);
      expect(both.stdout).toMatch(/^other: 1 added/m);
    } finally {
      sleeper.kill();
    }
    // Once the holder is gone, its lock is taken over.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await runCli(['sync', 'pages'], { env })).code).toBe(0);
  });
});
