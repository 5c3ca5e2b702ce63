import { chmodSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';

describe('folder sync', () => {
  let spravka: Spravka;
  let root: string;
  const cleanups: Array<() => void> = [];

  beforeEach(async () => {
    const folder = temporaryDirectory('spravka-folder-');
    root = folder.path;
    const test = await createTestSpravka();
    spravka = test.spravka;
    cleanups.push(test.cleanup, folder.cleanup);
    writeTree(root, {
      'guide/install.md':
        '# Installing\n\nRun the installer on the new service host.\n\n## Ports\n\nOpen port 8443.',
      'guide/payments.html':
        '<html><head><title>Payments</title></head><body><nav>Home | Next</nav><h1>Payments</h1><p>Refunds are processed nightly.</p></body></html>',
      'src/auth.ts': 'export function getUserById(id: string) {\n  return database.users.find(id);\n}\n',
      'notes.txt': 'Настройка нового сервиса описана в руководстве.',
      'logo.png': new Uint8Array([137, 80, 78, 71, 0, 0, 0]),
      'data.bin.txt': new Uint8Array([1, 2, 0, 3]),
      '.gitignore': 'build/\n',
      'build/output.js': 'console.log("generated")',
    });
    spravka.addSource('docs', 'folder', { path: root }, ['public']);
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  it('indexes new files, skips binaries and ignored paths, and reports counts', async () => {
    const { reports, events } = await runSync(spravka);
    const report = reports[0];
    expect(report?.status).toBe('succeeded');
    expect(report).toMatchObject({ added: 5, updated: 0, deleted: 0, unchanged: 0, failed: 0 });
    expect(report?.skipped).toBe(2);
    expect(report?.details.map((detail) => detail.uri).sort()).toEqual(['data.bin.txt', 'logo.png']);
    expect(events.some((event) => event.type === 'progress')).toBe(true);
    const results = await spravka.search({ query: 'generated output', k: 5, principals: [] });
    expect(results.map((result) => result.uri)).not.toContain('build/output.js');
  });

  it('does almost nothing on an unchanged re-sync, and only the changed file after an edit', async () => {
    await runSync(spravka);
    const second = (await runSync(spravka)).reports[0];
    expect(second).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 5, failed: 0 });

    writeFileSync(join(root, 'notes.txt'), 'Настройка сервиса платежей изменилась.');
    const third = (await runSync(spravka)).reports[0];
    expect(third).toMatchObject({ added: 0, updated: 1, unchanged: 4 });
    const results = await spravka.search({ query: 'сервис платежей', k: 3, principals: [] });
    expect(results[0]?.uri).toBe('notes.txt');
    expect(results[0]?.text).toContain('платежей');
  });

  it('treats a touched but identical file as unchanged without re-indexing', async () => {
    await runSync(spravka);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'notes.txt'), future, future);
    const report = (await runSync(spravka)).reports[0];
    expect(report).toMatchObject({ updated: 0, unchanged: 5 });
  });

  it('removes deleted files from the index', async () => {
    await runSync(spravka);
    rmSync(join(root, 'src/auth.ts'));
    const report = (await runSync(spravka)).reports[0];
    expect(report).toMatchObject({ deleted: 1, unchanged: 4 });
    const results = await spravka.search({ query: 'getUserById', k: 5, principals: [] });
    expect(results).toEqual([]);
  });

  it('finds code by split identifiers and returns line ranges', async () => {
    await runSync(spravka);
    const [first] = await spravka.search({ query: 'get user by id', k: 3, principals: [] });
    expect(first).toMatchObject({ source: 'docs', uri: 'src/auth.ts', lines: { start: 1, end: 3 } });
  });

  it('keeps the whole index when the source folder disappears', async () => {
    await runSync(spravka);
    rmSync(root, { recursive: true, force: true });
    const report = (await runSync(spravka)).reports[0];
    expect(report?.status).toBe('failed');
    expect(report?.error?.code).toBe('source_unavailable');
    expect(report?.error?.text.en).toMatch(/does not exist/);
    expect(spravka.index.statistics().documents).toBe(5);
  });

  it('skips a symlink loop and a link that escapes the root', async () => {
    const outside = temporaryDirectory('spravka-outside-');
    cleanups.push(outside.cleanup);
    writeTree(outside.path, { 'secret.md': '# Secret\n\nsalary table' });
    symlinkSync(root, join(root, 'guide/loop'));
    symlinkSync(join(outside.path, 'secret.md'), join(root, 'escape.md'));
    const report = (await runSync(spravka)).reports[0];
    expect(report?.status).toBe('succeeded');
    const reasons = Object.fromEntries(
      report?.details.map((detail) => [detail.uri, detail.reason.split(':')[0]]) ?? [],
    );
    expect(reasons['guide/loop']).toBe('symlink_loop');
    expect(reasons['escape.md']).toBe('outside_root');
    expect(await spravka.search({ query: 'salary', k: 5, principals: [] })).toEqual([]);
  });

  it('skips oversized files with a count and keeps an unreadable file out without failing the sync', async () => {
    spravka.removeSource('docs');
    spravka.addSource('docs', 'folder', { path: root, maxFileBytes: 100 }, ['public']);
    writeFileSync(join(root, 'big.md'), `# Big\n\n${'word '.repeat(100)}`);
    writeFileSync(join(root, 'locked.md'), '# Locked');
    chmodSync(join(root, 'locked.md'), 0o000);
    const report = (await runSync(spravka)).reports[0];
    expect(report?.status).toBe('succeeded');
    const details = report?.details ?? [];
    expect(details.find((detail) => detail.uri === 'big.md')?.reason).toMatch(/^too_large/);
    // Root can read anything; elsewhere the unreadable file is reported as failed, not fatal.
    if (process.getuid?.() !== 0)
      expect(details.find((detail) => detail.uri === 'locked.md')?.kind).toBe('failed');
  });

  it('keeps the previous version of a document that became malformed, and reports it', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    page.drawText('Quarterly escalation procedure for outages', {
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    writeFileSync(join(root, 'runbook.pdf'), await pdf.save());
    expect((await runSync(spravka)).reports[0]).toMatchObject({ added: 6, failed: 0 });
    expect((await spravka.search({ query: 'escalation outages', k: 1, principals: [] }))[0]?.uri).toBe(
      'runbook.pdf',
    );

    writeFileSync(join(root, 'runbook.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    const report = (await runSync(spravka)).reports[0];
    expect(report).toMatchObject({ status: 'succeeded', failed: 1, unchanged: 5 });
    expect(report?.details.find((detail) => detail.uri === 'runbook.pdf')?.kind).toBe('failed');
    expect((await spravka.search({ query: 'escalation outages', k: 1, principals: [] }))[0]?.uri).toBe(
      'runbook.pdf',
    );
  });

  it('indexes a file with invalid UTF-8, replacing the bad bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# Кодировка\n\nbroken '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(' bytes survive'),
    ]);
    writeFileSync(join(root, 'broken.md'), bytes);
    expect((await runSync(spravka)).reports[0]).toMatchObject({ added: 6, failed: 0 });
    const [result] = await spravka.search({ query: 'bytes survive', k: 1, principals: [] });
    expect(result?.uri).toBe('broken.md');
    expect(result?.text).toContain('\ufffd');
  });
});
