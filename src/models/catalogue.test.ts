import { describe, expect, it } from 'vitest';
import { CATALOGUE, defaultPreset, defaultPresets, findPreset } from './catalogue.js';
import type { ModelRole } from './types.js';

const ROLES: ModelRole[] = ['llm', 'embedder', 'reranker'];
const VARIABLES: Record<ModelRole, string> = {
  llm: 'SPRAVKA_LLM',
  embedder: 'SPRAVKA_EMBEDDER',
  reranker: 'SPRAVKA_RERANKER',
};

describe('model catalogue', () => {
  it('has unique kebab-case names', () => {
    const names = CATALOGUE.map((preset) => preset.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
  });

  it('has exactly one default per role, each downloadable', () => {
    for (const role of ROLES) {
      const defaults = CATALOGUE.filter((preset) => preset.role === role && preset.isDefault);
      expect(defaults, role).toHaveLength(1);
      expect(defaults[0]?.runtime).not.toBe('server');
      expect(defaultPreset(role)).toBe(defaults[0]);
    }
    expect(defaultPresets().map((preset) => preset.role)).toEqual(['llm', 'embedder', 'reranker']);
  });

  it('pins every file: https Hugging Face URL at a commit, positive size, 64-hex sha256', () => {
    for (const preset of CATALOGUE.filter((candidate) => candidate.runtime !== 'server')) {
      expect(preset.files.length, preset.name).toBeGreaterThan(0);
      const names = preset.files.map((file) => file.name);
      expect(new Set(names).size, preset.name).toBe(names.length);
      for (const file of preset.files) {
        expect(file.name).not.toMatch(/[/\\]/);
        expect(file.url).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+\/resolve\/[0-9a-f]{40}\//);
        expect(file.url.endsWith(`/${file.name}`), file.url).toBe(true);
        expect(Number.isSafeInteger(file.size) && file.size > 0, file.name).toBe(true);
        expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('gives each runtime the files it loads', () => {
    for (const preset of CATALOGUE) {
      if (preset.runtime === 'llama') expect(preset.files[0]?.name).toMatch(/\.gguf$/);
      if (preset.runtime === 'model2vec') {
        expect(preset.files.map((file) => file.name).sort()).toEqual([
          'config.json',
          'model.safetensors',
          'tokenizer.json',
        ]);
      }
    }
  });

  it('has no files for server presets, and the exact setting that uses them', () => {
    const served = CATALOGUE.filter((preset) => preset.runtime === 'server');
    expect(served.length).toBeGreaterThan(0);
    for (const preset of served) {
      expect(preset.files, preset.name).toEqual([]);
      expect(preset.isDefault).toBe(false);
      expect(preset.server?.setting).toMatch(
        new RegExp(`^${VARIABLES[preset.role]}=openai:https?://[^#\\s]+#\\S+$`),
      );
    }
    expect(findPreset('deepseek-api-chat')?.server?.setting).toBe(
      'SPRAVKA_LLM=openai:https://api.deepseek.com/v1#deepseek-chat',
    );
    expect(findPreset('ollama-deepseek-r1-14b')?.server).toEqual({
      ollama: 'deepseek-r1:14b',
      setting: 'SPRAVKA_LLM=openai:http://localhost:11434/v1#deepseek-r1:14b',
    });
  });

  it('describes every preset in both languages', () => {
    for (const preset of CATALOGUE) {
      for (const value of [preset.description, preset.hardware]) {
        expect(value.en.length, preset.name).toBeGreaterThan(0);
        expect(value.ru.length, preset.name).toBeGreaterThan(0);
        expect(value.ru).not.toBe(value.en);
      }
      expect(preset.languages.length).toBeGreaterThan(0);
      expect(preset.licence.length).toBeGreaterThan(0);
    }
  });
});
