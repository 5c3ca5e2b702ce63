import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_LLAMA_GGUF, temporaryDirectory } from '../test-support/files.js';
import { loadConfig } from './config/index.js';
import { resolveModelChoices } from './model-setup.js';
import { defaultPreset, presetFilePath } from './models/index.js';

describe('resolveModelChoices', () => {
  it('auto without downloaded defaults: no models, and a notice per role saying how to get them', () => {
    const directory = temporaryDirectory();
    try {
      const choices = resolveModelChoices(loadConfig({ SPRAVKA_DATA_DIR: directory.path }));
      expect(choices.llm).toEqual({ kind: 'none' });
      expect(choices.embedder).toEqual({ kind: 'none' });
      expect(choices.reranker).toEqual({ kind: 'none' });
      expect(choices.notices.map((notice) => notice.role)).toEqual(['embedder', 'llm', 'reranker']);
      expect(choices.notices[1]?.message.en).toMatch(/extractive.*spravka models pull.*deepseek/i);
      expect(choices.notices[1]?.message.ru).toMatch(/spravka models pull/);
    } finally {
      directory.cleanup();
    }
  });

  it('auto with the default presets downloaded: uses them (files of the right size count as present)', () => {
    const directory = temporaryDirectory();
    try {
      for (const role of ['llm', 'reranker', 'embedder'] as const) {
        const preset = defaultPreset(role);
        for (const file of preset.files) {
          const path = presetFilePath(preset, file, directory.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, '');
          truncateSync(path, file.size); // sparse: the size is what presence checks, loading is not tried here
        }
      }
      const choices = resolveModelChoices(
        loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_LLM_CONTEXT: '4096' }),
      );
      const llm = defaultPreset('llm');
      expect(choices.llm).toEqual({
        kind: 'llama',
        path: presetFilePath(llm, llm.files[0] as never, directory.path),
        contextSize: 4096,
      });
      expect(choices.embedder).toMatchObject({ kind: 'model2vec' });
      expect(choices.reranker).toMatchObject({ kind: 'llama' });
      expect(choices.notices).toEqual([]);
    } finally {
      directory.cleanup();
    }
  });

  it('guesses from the model name whether a model server may send reasoning without separating it', () => {
    const choice = (model: string, reasoning?: string) =>
      resolveModelChoices(
        loadConfig({
          SPRAVKA_LLM: `openai:http://gpu:11434/v1#${model}`,
          ...(reasoning ? { SPRAVKA_LLM_REASONING: reasoning } : {}),
        }),
      ).llm;
    expect(choice('deepseek-r1:14b')).toMatchObject({ kind: 'openai', reasoning: 'detect' });
    expect(choice('deepseek-reasoner')).toMatchObject({ reasoning: 'detect' });
    expect(choice('deepseek-chat')).toMatchObject({ reasoning: 'tagged-only' });
    expect(choice('deepseek-r1:14b', 'starts-inside')).toMatchObject({ reasoning: 'starts-inside' });
  });

  it('an explicit path or preset must exist: a missing one fails at start-up, saying what to do', () => {
    const directory = temporaryDirectory();
    try {
      const explicit = resolveModelChoices(
        loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_LLM: `llama:${TINY_LLAMA_GGUF}` }),
      );
      expect(explicit.llm).toEqual({ kind: 'llama', path: TINY_LLAMA_GGUF });
      expect(() =>
        resolveModelChoices(
          loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_LLM: 'llama:deepseek-r1-1.5b' }),
        ),
      ).toThrow(expect.objectContaining({ code: 'model_missing' }));
      expect(() =>
        resolveModelChoices(
          loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_LLM: 'llama:no-such-preset' }),
        ),
      ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
      expect(() =>
        resolveModelChoices(
          loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_RERANKER: 'llama:/nowhere/reranker.gguf' }),
        ),
      ).toThrow(expect.objectContaining({ code: 'model_missing' }));
    } finally {
      directory.cleanup();
    }
  });
});
