import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../test-support/files.js';
import { defaultThreads, loadConfig } from './load.js';

describe('loadConfig: models', () => {
  it('defaults every model to auto, threads to half the cores', () => {
    const config = loadConfig({ SPRAVKA_DATA_DIR: '/tmp/x' });
    expect(config.llm).toEqual({ kind: 'auto' });
    expect(config.embedder).toEqual({ kind: 'auto' });
    expect(config.reranker).toEqual({ kind: 'auto' });
    expect(config.runtime.threads).toBe(defaultThreads());
    expect([1, 2, 4, 8, 16, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 2, 4, 8, 8]);
    expect(config.answers).toEqual({
      maxAnswerTokens: 768,
      reasoningTokens: 1024,
      temperature: 0.6,
      translateQueries: true,
      followUps: 'model',
    });
  });

  it('understands every documented form of SPRAVKA_LLM, SPRAVKA_EMBEDDER and SPRAVKA_RERANKER', () => {
    const config = loadConfig({
      SPRAVKA_LLM: 'openai:http://gpu-1:11434/v1#deepseek-r1:14b',
      SPRAVKA_LLM_API_KEY: 'secret',
      SPRAVKA_EMBEDDER: 'llama:/models/bge-m3.gguf',
      SPRAVKA_RERANKER: 'llama:bge-reranker-v2-m3',
      SPRAVKA_THREADS: '3',
      SPRAVKA_LLM_CONTEXT: '16384',
      SPRAVKA_TRANSLATE_QUERIES: 'no',
    });
    expect(config.llm).toEqual({
      kind: 'openai',
      baseUrl: 'http://gpu-1:11434/v1',
      model: 'deepseek-r1:14b',
      apiKey: 'secret',
    });
    expect(config.embedder).toEqual({ kind: 'llama', model: '/models/bge-m3.gguf' });
    expect(config.reranker).toEqual({ kind: 'llama', model: 'bge-reranker-v2-m3' });
    expect(config.runtime).toEqual({ threads: 3, llmContextSize: 16384, llmReasoning: 'auto' });
    expect(config.answers.translateQueries).toBe(false);
    expect(loadConfig({ SPRAVKA_LLM: 'llama:deepseek-r1-1.5b' }).llm).toEqual({
      kind: 'llama',
      model: 'deepseek-r1-1.5b',
    });
    expect(loadConfig({ SPRAVKA_EMBEDDER: 'model2vec:potion-multilingual-128m' }).embedder).toEqual({
      kind: 'model2vec',
      model: 'potion-multilingual-128m',
    });
    expect(loadConfig({ SPRAVKA_LLM: 'none' }).llm).toEqual({ kind: 'none' });
  });

  it('refuses a wrong setting, naming the variable and the forms it takes, in both languages', () => {
    for (const [name, value] of [
      ['SPRAVKA_LLM', 'model2vec:/x'],
      ['SPRAVKA_LLM', 'llama:'],
      ['SPRAVKA_LLM', 'openai:http://host/v1'],
      ['SPRAVKA_RERANKER', 'openai:http://host/v1#m'],
      ['SPRAVKA_EMBEDDER', 'none:extra'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(
        expect.objectContaining({ code: 'config_invalid' }),
      );
      try {
        loadConfig({ [name]: value });
      } catch (error) {
        const { text } = error as { text: { en: string; ru: string } };
        expect(text.en).toContain(name);
        expect(text.en).toMatch(/Use one of: auto, none/);
        expect(text.ru).toMatch(/не распознан/);
      }
    }
    expect(() => loadConfig({ SPRAVKA_THREADS: '0' })).toThrow(/threads/);
    expect(() => loadConfig({ SPRAVKA_TRANSLATE_QUERIES: 'maybe' })).toThrow(/true or false/);
    expect(() => loadConfig({ SPRAVKA_TEMPERATURE: '7' })).toThrow(/temperature/);
  });
});

describe('loadConfig: the configuration file', () => {
  it('reads <data dir>/spravka.json, with the environment winning over it', () => {
    const directory = temporaryDirectory();
    try {
      writeFileSync(
        join(directory.path, 'spravka.json'),
        JSON.stringify({ llm: 'llama:/models/a.gguf', threads: 2, translate_queries: false, port: 9000 }),
      );
      const fromFile = loadConfig({ SPRAVKA_DATA_DIR: directory.path });
      expect(fromFile.llm).toEqual({ kind: 'llama', model: '/models/a.gguf' });
      expect(fromFile.runtime.threads).toBe(2);
      expect(fromFile.answers.translateQueries).toBe(false);
      expect(fromFile.server.port).toBe(9000);
      const overridden = loadConfig({ SPRAVKA_DATA_DIR: directory.path, SPRAVKA_LLM: 'none' });
      expect(overridden.llm).toEqual({ kind: 'none' });
    } finally {
      directory.cleanup();
    }
  });

  it('an explicit file (SPRAVKA_CONFIG or --config) must exist, may set the data directory, and must be valid', () => {
    const directory = temporaryDirectory();
    try {
      const file = join(directory.path, 'site.json');
      writeFileSync(file, JSON.stringify({ data_dir: join(directory.path, 'data'), reranker: 'none' }));
      const config = loadConfig({ SPRAVKA_CONFIG: file });
      expect(config.dataDir).toBe(join(directory.path, 'data'));
      expect(config.reranker).toEqual({ kind: 'none' });
      expect(loadConfig({}, { configFile: file }).reranker).toEqual({ kind: 'none' });
      expect(() => loadConfig({}, { configFile: join(directory.path, 'absent.json') })).toThrow(
        /does not exist/,
      );
      writeFileSync(file, '{ "llm": ');
      expect(() => loadConfig({ SPRAVKA_CONFIG: file })).toThrow(/not valid JSON/);
      writeFileSync(file, JSON.stringify({ 'LLM!': 'none' }));
      expect(() => loadConfig({ SPRAVKA_CONFIG: file })).toThrow(/not a setting name/);
      writeFileSync(file, JSON.stringify({ llm: { kind: 'none' } }));
      expect(() => loadConfig({ SPRAVKA_CONFIG: file })).toThrow(/must be a string, number or boolean/);
      writeFileSync(file, JSON.stringify({ llm: 'gpt:4' }));
      expect(() => loadConfig({ SPRAVKA_CONFIG: file })).toThrow(/SPRAVKA_LLM="gpt:4"/);
    } finally {
      directory.cleanup();
    }
  });
});
