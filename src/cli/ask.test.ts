import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { TINY_LLAMA_GGUF, temporaryDirectory, writeTree } from '../../test-support/files.js';

describe('spravka ask', () => {
  const work = temporaryDirectory('spravka-ask-');
  const dataDir = join(work.path, 'data');
  const env = { SPRAVKA_DATA_DIR: dataDir };

  beforeAll(async () => {
    writeTree(join(work.path, 'wiki'), {
      'nginx.md':
        '# Nginx\n\n## Reload\n\nTo apply a changed configuration run `systemctl reload nginx`. The configuration lives in /etc/nginx.\n',
    });
    writeTree(join(work.path, 'hr'), {
      'salaries.md': '# Salary review\n\nThe salary review happens every March.\n',
    });
    for (const [name, acl] of [
      ['wiki', 'public'],
      ['hr', 'group:hr'],
    ] as const) {
      const added = await runCli(
        ['source', 'add', name, '--type', 'folder', '--path', join(work.path, name), '--acl', acl],
        { env },
      );
      expect(added.code).toBe(0);
    }
    expect((await runCli(['sync'], { env })).code).toBe(0);
  });

  afterAll(() => work.cleanup());

  it('without a language model prints a labelled extractive answer, then the cited sources', async () => {
    const result = await runCli(['ask', 'How do I reload the nginx configuration?'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\*\*Extractive answer\*\*/);
    expect(result.stdout).toContain('> To apply a changed configuration run `systemctl reload nginx`.');
    expect(result.stdout).toMatch(/Sources:\n\[1\] Nginx — wiki\/nginx\.md:\d+-\d+/);
    const russian = await runCli(['ask', 'Как перезагрузить конфигурацию nginx reload?'], {
      env: { ...env, LANG: 'ru_RU.UTF-8' },
    });
    expect(russian.stdout).toMatch(/^\*\*Извлечённый ответ\*\*/);
    expect(russian.stdout).toContain('Источники:');
  });

  it('--json prints the whole result; --as decides what may be used', async () => {
    const question = 'When is the salary review?';
    const outsider = JSON.parse((await runCli(['ask', question, '--json'], { env })).stdout);
    expect(outsider.mode).toBe('not_found');
    expect(outsider.answer).toMatch(/^I don't know/);
    expect(JSON.stringify(outsider)).not.toContain('March');
    const insider = JSON.parse(
      (await runCli(['ask', question, '--json', '--as', 'group:hr'], { env })).stdout,
    );
    expect(insider.mode).toBe('extractive');
    expect(insider.citations).toEqual([
      expect.objectContaining({ n: 1, source: 'hr', uri: 'salaries.md', title: 'Salary review' }),
    ]);
    expect(insider.answer).toContain('every March');
  });

  it('with a real GGUF model streams a generated answer', async () => {
    const result = await runCli(['ask', 'How do I reload the nginx configuration?', '--json'], {
      env: {
        ...env,
        SPRAVKA_LLM: `llama:${TINY_LLAMA_GGUF}`,
        SPRAVKA_THREADS: '1',
        SPRAVKA_ANSWER_TOKENS: '24',
        SPRAVKA_TRANSLATE_QUERIES: 'false',
      },
    });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.mode).toBe('generated');
    expect(answer.answer.length).toBeGreaterThan(0);
    expect(answer.sources[0]).toMatchObject({ n: 1, uri: 'nginx.md' });
  });

  it('a model server that is down: a notice, and still a useful (extractive) answer', async () => {
    const result = await runCli(['ask', 'How do I reload the nginx configuration?'], {
      env: { ...env, SPRAVKA_LLM: 'openai:http://127.0.0.1:9/v1#deepseek-r1' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/language model failed.*127\.0\.0\.1:9/i);
    expect(result.stdout).toMatch(/^\*\*Extractive answer\*\*/);
  });

  it('bad input: an unknown preset, a missing model file, an empty question — clear errors', async () => {
    const preset = await runCli(['ask', 'nginx?'], { env: { ...env, SPRAVKA_LLM: 'llama:gpt-5' } });
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/gpt-5/);
    expect(preset.stderr).toMatch(/deepseek-r1-1\.5b/);
    const missing = await runCli(['ask', 'nginx?'], {
      env: { ...env, SPRAVKA_LLM: 'llama:/nowhere/model.gguf' },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\/nowhere\/model\.gguf/);
    const empty = await runCli(['ask', '  '], { env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/question is empty/);
  });
});
