import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';

describe('spravka CLI contract', () => {
  const work = temporaryDirectory('spravka-cli-');
  const dataDir = join(work.path, 'data');
  const folder = join(work.path, 'wiki');
  const env = { SPRAVKA_DATA_DIR: dataDir };

  beforeAll(async () => {
    writeTree(folder, {
      'ops/nginx.md':
        '# Nginx\n\nКак настроить обратный прокси nginx для нового сервиса.\n\n## TLS\n\nCertificates live in /etc/ssl.',
      'code/payments/refund.py':
        'def process_refund(payment_id):\n    """Refund a payment."""\n    return gateway.refund(payment_id)\n',
      'team/secret.md': '# Salaries\n\nThe salary table of the nginx team.',
    });
    const added = await runCli(
      ['source', 'add', 'wiki', '--type', 'folder', '--path', folder, '--exclude', 'team/**'],
      { env },
    );
    expect(added.code).toBe(0);
    const secret = await runCli(
      [
        'source',
        'add',
        'hr',
        '--type',
        'folder',
        '--path',
        join(folder, 'team'),
        '--acl',
        'group:hr,user:ivan',
      ],
      { env },
    );
    expect(secret.code).toBe(0);
  }, 60_000);

  afterAll(() => work.cleanup());

  it('syncs and prints a report with counts and time', async () => {
    const result = await runCli(['sync'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^wiki: 2 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped, 0 failed in \d+\.\d s$/m,
    );
    expect(result.stdout).toMatch(/^hr: 1 added/m);
    const again = await runCli(['sync', 'wiki', '--json'], { env });
    expect(JSON.parse(again.stdout)[0]).toMatchObject({
      source: 'wiki',
      added: 0,
      unchanged: 2,
      status: 'succeeded',
    });
  });

  it('prints search results as the JSON contract says', async () => {
    const result = await runCli(['search', 'настройка прокси nginx', '--k', '3', '--json'], { env });
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout);
    expect(results[0]).toMatchObject({ rank: 1, source: 'wiki', uri: 'ops/nginx.md', title: 'Nginx' });
    expect(Object.keys(results[0])).toEqual(
      expect.arrayContaining(['rank', 'score', 'source', 'uri', 'title', 'text']),
    );
    expect(results.map((item: { uri: string }) => item.uri)).not.toContain('secret.md');
  });

  it('filters by --as principals and by --source', async () => {
    const asIvan = JSON.parse(
      (await runCli(['search', 'salary', '--json', '--as', 'user:ivan'], { env })).stdout,
    );
    expect(asIvan.map((item: { uri: string }) => item.uri)).toEqual(['secret.md']);
    const anonymous = JSON.parse((await runCli(['search', 'salary', '--json'], { env })).stdout);
    expect(anonymous).toEqual([]);
    const onlyWiki = JSON.parse(
      (await runCli(['search', 'nginx', '--json', '--source', 'wiki', '--as', 'group:hr'], { env })).stdout,
    );
    expect(onlyWiki.every((item: { source: string }) => item.source === 'wiki')).toBe(true);
  });

  it('reads one query per stdin line and prints one JSON array per line', async () => {
    const result = await runCli(['search', '--json', '--k', '2'], {
      env,
      input: 'process refund\n\nnginx TLS\n',
    });
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)[0]).toMatchObject({
      uri: 'code/payments/refund.py',
      lines: { start: 1, end: 3 },
    });
    expect(JSON.parse(lines[1] as string)[0].uri).toBe('ops/nginx.md');
  });

  it('runs an evaluation and prints the metrics', async () => {
    const questions = join(work.path, 'questions.jsonl');
    writeTree(work.path, {
      'questions.jsonl':
        '{"id":"a","q":"Как настроить nginx?","gold":["ops/nginx.md"],"kind":"wiki","lang":"ru"}\n' +
        '{"id":"b","q":"where are refunds processed","gold":["code/payments/refund.py"],"kind":"code","lang":"en"}\n',
    });
    const text = await runCli(['eval', '--questions', questions], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/overall\s+2\s+1\.000\s+1\.000\s+1\.000/);
    expect(text.stdout).toMatch(/kind=code/);
    const json = JSON.parse((await runCli(['eval', '--questions', questions, '--json'], { env })).stdout);
    expect(json.overall).toEqual({ questions: 2, recallAt5: 1, recallAt10: 1, mrrAt10: 1 });
    expect(json.byLang.ru.questions).toBe(1);
    const gate = await runCli(['eval', '--questions', questions, '--min-recall', '1.01'], { env });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toMatch(/recall@5 1 is below the required 1\.01/);
    const broken = join(work.path, 'broken.jsonl');
    writeTree(work.path, { 'broken.jsonl': '{"id":"a","q":"x"}\n' });
    const invalid = await runCli(['eval', '--questions', broken], { env });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/broken\.jsonl:1 is not a question line/);
  });

  it('lists and removes sources', async () => {
    const list = JSON.parse((await runCli(['source', 'list', '--json'], { env })).stdout);
    expect(list.map((item: { name: string }) => item.name)).toEqual(['hr', 'wiki']);
    await runCli(
      ['source', 'add', 'repo', '--type', 'git', '--url', 'https://deploy:s3cret@gitlab.example.com/x.git'],
      { env },
    );
    const listed = (await runCli(['source', 'list', '--json'], { env })).stdout;
    expect(listed).not.toContain('s3cret');
    expect(listed).toContain('gitlab.example.com/x.git');
    expect((await runCli(['source', 'remove', 'repo'], { env })).code).toBe(0);
    expect((await runCli(['source', 'remove', 'hr'], { env })).code).toBe(0);
    const after = JSON.parse(
      (await runCli(['search', 'salary', '--json', '--as', 'user:ivan'], { env })).stdout,
    );
    expect(after).toEqual([]);
  });

  it('explains bad input with a message, a hint and a non-zero exit', async () => {
    const missing = await runCli(['source', 'add', 'x', '--type', 'folder'], { env });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/folder source needs --path/);
    const unknown = await runCli(['sync', 'nope'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No source named "nope"[\s\S]*spravka source list/);
    const empty = await runCli(['search', '', '--json'], { env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/query is empty/);
    const help = await runCli(['--help'], { env: { ...env, SPRAVKA_LANG: 'ru' } });
    expect(help.stdout).toMatch(/инкрементально синхронизировать источники/);
    const russian = await runCli(['sync', 'nope'], { env: { ...env, SPRAVKA_LANG: 'ru' } });
    expect(russian.stderr).toMatch(/ошибка: Источника «nope» нет/);
    const nowhere = await runCli(
      ['source', 'add', 'z', '--type', 'folder', '--path', join(folder, 'nowhere')],
      { env },
    );
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/nowhere does not exist[\s\S]*Check the --path/);
    const badType = await runCli(['source', 'add', 'y', '--type', 'ftp', '--path', folder], { env });
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/Unknown source type "ftp"/);
  });

  it('fails clearly with a read-only data directory and leaves the index intact', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; a read-only file system is simulated by a file where a directory must be.
      const blocked = join(work.path, 'blocked');
      writeTree(work.path, { blocked: 'not a directory' });
      const result = await runCli(['source', 'list'], { env: { SPRAVKA_DATA_DIR: join(blocked, 'data') } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/data directory cannot be used[\s\S]*--data-dir/);
      return;
    }
    const readOnly = join(work.path, 'readonly');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    const result = await runCli(['source', 'list'], { env: { SPRAVKA_DATA_DIR: join(readOnly, 'data') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not writable/);
  });
});
