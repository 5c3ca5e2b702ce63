import { existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/cli.js';
import { temporaryDirectory } from '../../../test-support/files.js';
import { findPreset, type ModelPreset } from '../../models/index.js';

/** A local port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 9;
}

interface ListedPreset {
  name: string;
  role: string;
  runtime: string;
  isDefault: boolean;
  present: boolean;
  size: number;
  setting: string;
  hardware: string;
  files: Array<{ name: string; url: string; sha256: string; path: string }>;
}

describe('spravka models', () => {
  const work = temporaryDirectory('spravka-models-cli-');
  afterAll(() => work.cleanup());

  it('lists presets as JSON, with what is downloaded and the setting for each', async () => {
    const dataDir = join(work.path, 'listed');
    const reranker = findPreset('bge-reranker-v2-m3') as ModelPreset;
    const [file] = reranker.files;
    mkdirSync(join(dataDir, 'models', reranker.name), { recursive: true });
    const path = join(dataDir, 'models', reranker.name, file?.name ?? '');
    writeFileSync(path, '');
    truncateSync(path, file?.size ?? 0);
    const result = await runCli(['models', 'list', '--json'], { env: { SPRAVKA_DATA_DIR: dataDir } });
    expect(result.code).toBe(0);
    const presets = JSON.parse(result.stdout) as ListedPreset[];
    const byName = new Map(presets.map((preset) => [preset.name, preset]));
    expect(byName.get('bge-reranker-v2-m3')).toMatchObject({
      role: 'reranker',
      runtime: 'llama',
      isDefault: true,
      present: true,
      size: file?.size,
      setting: 'SPRAVKA_RERANKER=llama:bge-reranker-v2-m3',
    });
    expect(byName.get('bge-reranker-v2-m3')?.files[0]?.path).toBe(path);
    expect(byName.get('deepseek-r1-1.5b')).toMatchObject({ isDefault: true, present: false });
    expect(byName.get('potion-multilingual-128m')?.setting).toBe(
      'SPRAVKA_EMBEDDER=model2vec:potion-multilingual-128m',
    );
    expect(byName.get('deepseek-api-reasoner')).toMatchObject({
      runtime: 'server',
      files: [],
      present: false,
      setting: 'SPRAVKA_LLM=openai:https://api.deepseek.com/v1#deepseek-reasoner',
    });
  });

  it('lists presets as a table in the user language', async () => {
    const result = await runCli(['models', 'list'], {
      env: { SPRAVKA_DATA_DIR: join(work.path, 'table'), SPRAVKA_LANG: 'ru' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}ИМЯ +РОЛЬ +ЗАПУСК +РАЗМЕР/m);
    expect(result.stdout).toMatch(/^\* deepseek-r1-1\.5b +llm +llama +1,1 ГБ +en,zh +нет +только CPU/m);
    expect(result.stdout).toContain('SPRAVKA_LLM=openai:http://localhost:11434/v1#deepseek-r1:32b');
  });

  it('refuses an unknown preset before downloading anything', async () => {
    const dataDir = join(work.path, 'unknown');
    const result = await runCli(['models', 'pull', 'deepseek-r1-1.5b', 'deepseek-r9'], {
      env: { SPRAVKA_DATA_DIR: dataDir },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Unknown preset "deepseek-r9"; presets: deepseek-r1-1.5b, deepseek-r1-7b',
    );
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  });

  it('without network, says for every default file which URL to fetch and where to place it', async () => {
    const dataDir = join(work.path, 'offline');
    const port = await closedPort();
    const result = await runCli(['models', 'pull', '--mirror', `http://127.0.0.1:${port}`], {
      env: { SPRAVKA_DATA_DIR: dataDir },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('5 files could not be downloaded');
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/unsloth/DeepSeek-R1-Distill-Qwen-1.5B-GGUF/`);
    for (const name of ['deepseek-r1-1.5b', 'potion-multilingual-128m', 'bge-reranker-v2-m3']) {
      const preset = findPreset(name) as ModelPreset;
      for (const file of preset.files) {
        expect(result.stderr).toContain(
          `download ${file.url} and place it at ${join(dataDir, 'models', name, file.name)} (sha256 ${file.sha256})`,
        );
      }
    }
  });

  it('says which setting to use for a server preset', async () => {
    const result = await runCli(['models', 'pull', 'ollama-deepseek-r1-14b'], {
      env: { SPRAVKA_DATA_DIR: join(work.path, 'served') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ollama pull deepseek-r1:14b');
    expect(result.stdout).toContain('SPRAVKA_LLM=openai:http://localhost:11434/v1#deepseek-r1:14b');
  });
});
