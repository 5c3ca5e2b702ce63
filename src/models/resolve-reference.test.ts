import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../test-support/files.js';
import { isSpravkaError, type SpravkaError } from '../errors/index.js';
import { findPreset } from './catalogue.js';
import { isPresetPresent } from './presence.js';
import { resolveModelReference } from './resolve-reference.js';
import type { ModelPreset } from './types.js';

/** Places a preset's files with their full sizes (sparse: no gigabytes are written). */
function place(preset: ModelPreset, dataDir: string, only?: string): void {
  const folder = join(dataDir, 'models', preset.name);
  mkdirSync(folder, { recursive: true });
  for (const file of preset.files) {
    if (only && file.name !== only) continue;
    writeFileSync(join(folder, file.name), '');
    truncateSync(join(folder, file.name), file.size);
  }
}

function failure(run: () => unknown): SpravkaError {
  try {
    run();
  } catch (error) {
    if (isSpravkaError(error)) return error;
    throw error;
  }
  throw new Error('expected a SpravkaError');
}

describe('resolveModelReference', () => {
  const work = temporaryDirectory('spravka-models-');
  const dataDir = join(work.path, 'data');
  const llm = findPreset('deepseek-r1-1.5b') as ModelPreset;
  const embedder = findPreset('potion-multilingual-128m') as ModelPreset;
  afterAll(() => work.cleanup());

  it('names what to run, download or place by hand when a preset is not downloaded', () => {
    const error = failure(() => resolveModelReference('deepseek-r1-1.5b', 'llm', 'llama', dataDir));
    expect(error.code).toBe('model_missing');
    const path = join(dataDir, 'models', 'deepseek-r1-1.5b', 'DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf');
    expect(error.hint?.en).toContain('spravka models pull deepseek-r1-1.5b');
    expect(error.hint?.en).toContain(`download ${llm.files[0]?.url} and place it at ${path}`);
    expect(error.hint?.en).toContain(`sha256 ${llm.files[0]?.sha256}`);
    expect(error.hint?.ru).toContain('spravka models pull deepseek-r1-1.5b');
  });

  it('does not count a download in progress (.part) as present', () => {
    const folder = join(dataDir, 'models', llm.name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${llm.files[0]?.name}.part`), 'half');
    expect(isPresetPresent(llm, dataDir)).toBe(false);
    expect(failure(() => resolveModelReference(llm.name, 'llm', 'llama', dataDir)).code).toBe(
      'model_missing',
    );
  });

  it('gives the GGUF file of a pulled llama preset and the folder of a Model2Vec one', () => {
    place(llm, dataDir);
    expect(resolveModelReference(llm.name, 'llm', 'llama', dataDir)).toEqual({
      path: join(dataDir, 'models', llm.name, 'DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf'),
      preset: llm,
    });
    place(embedder, dataDir, 'model.safetensors');
    expect(failure(() => resolveModelReference(embedder.name, 'embedder', 'model2vec', dataDir)).code).toBe(
      'model_missing',
    );
    place(embedder, dataDir);
    expect(resolveModelReference(embedder.name, 'embedder', 'model2vec', dataDir)).toEqual({
      path: join(dataDir, 'models', embedder.name),
      preset: embedder,
    });
  });

  it('refuses a preset of another role or runtime, saying what it is for', () => {
    const wrongRole = failure(() => resolveModelReference('deepseek-r1-1.5b', 'reranker', 'llama', dataDir));
    expect(wrongRole.code).toBe('config_invalid');
    expect(wrongRole.text.en).toContain('SPRAVKA_LLM=llama:deepseek-r1-1.5b');
    const wrongRuntime = failure(() =>
      resolveModelReference('potion-multilingual-128m', 'embedder', 'llama', dataDir),
    );
    expect(wrongRuntime.code).toBe('config_invalid');
    expect(wrongRuntime.text.en).toContain('SPRAVKA_EMBEDDER=model2vec:potion-multilingual-128m');
    const served = failure(() => resolveModelReference('ollama-deepseek-r1-14b', 'llm', 'llama', dataDir));
    expect(served.text.en).toContain('SPRAVKA_LLM=openai:http://localhost:11434/v1#deepseek-r1:14b');
    expect(served.text.ru).toContain('SPRAVKA_LLM=openai:');
  });

  it('takes paths as paths: resolved, or model_missing naming the path', () => {
    const model = join(work.path, 'my model.gguf');
    writeFileSync(model, 'GGUF');
    expect(resolveModelReference(model, 'llm', 'llama', dataDir)).toEqual({ path: model });
    const missing = failure(() => resolveModelReference('/srv/models/nothing.gguf', 'llm', 'llama', dataDir));
    expect(missing.code).toBe('model_missing');
    expect(missing.text.en).toContain('/srv/models/nothing.gguf');
    const bare = failure(() => resolveModelReference('nothing.gguf', 'reranker', 'llama', dataDir));
    expect(bare.code).toBe('model_missing');
    expect(bare.text.en).toContain(join(process.cwd(), 'nothing.gguf'));
  });

  it('takes a relative path or an existing name from the working directory', () => {
    const previous = process.cwd();
    process.chdir(work.path);
    try {
      mkdirSync(join(work.path, 'local-model'), { recursive: true });
      expect(resolveModelReference('local-model', 'embedder', 'model2vec', dataDir).path).toBe(
        join(work.path, 'local-model'),
      );
      expect(resolveModelReference('./local-model', 'embedder', 'model2vec', dataDir).path).toBe(
        join(work.path, 'local-model'),
      );
    } finally {
      process.chdir(previous);
    }
  });

  it('lists the presets for the role when a name is unknown', () => {
    const error = failure(() => resolveModelReference('deepseek-r2', 'llm', 'llama', dataDir));
    expect(error.code).toBe('config_invalid');
    expect(error.text.en).toBe(
      'Unknown preset "deepseek-r2"; presets for this role: deepseek-r1-1.5b, deepseek-r1-7b, deepseek-coder-1.3b, deepseek-coder-6.7b.',
    );
    const embedders = failure(() => resolveModelReference('e5', 'embedder', 'llama', dataDir));
    expect(embedders.text.en).toContain('multilingual-e5-small, multilingual-e5-base, bge-m3');
    expect(embedders.text.ru).toContain('Неизвестный пресет');
  });
});
