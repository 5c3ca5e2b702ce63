import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TINY_LLAMA_GGUF, temporaryDirectory } from '../../../test-support/files.js';
import { writeTinyRerankerGguf } from '../../../test-support/tiny-gguf.js';
import { LlamaRuntime } from '../../llama/index.js';
import { LlamaReranker } from './llama-reranker.js';

const runtime = new LlamaRuntime({ threads: 1 });
const directory = temporaryDirectory();
afterAll(async () => {
  await runtime.dispose();
  directory.cleanup();
});

describe('LlamaReranker on a generated GGUF cross-encoder', () => {
  // The generated model has random weights: this proves the real ranking path, not ranking quality.
  it('scores each passage against the query in [0, 1], deterministically, long passages cut to fit', async () => {
    const path = join(directory.path, 'reranker.gguf');
    writeTinyRerankerGguf(path, { seed: 7 });
    const reranker = await LlamaReranker.create({ runtime, path, contextSize: 128 });
    expect(reranker.id).toBe('llama:reranker.gguf');
    const documents = [
      'the cat sat on the mat',
      'nginx configuration reload',
      'как настроить сервер',
      'word '.repeat(2000),
    ];
    const scores = await reranker.rerank('how to reload nginx', documents);
    expect(scores).toHaveLength(4);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(new Set(scores.slice(0, 3)).size).toBe(3);
    expect(await reranker.rerank('how to reload nginx', documents)).toEqual(scores);
    await reranker.dispose();
  });

  it('refuses a model that is not a cross-encoder, saying what to configure instead', async () => {
    await expect(LlamaReranker.create({ runtime, path: TINY_LLAMA_GGUF })).rejects.toMatchObject({
      code: 'model_invalid',
      hint: { en: expect.stringMatching(/SPRAVKA_RERANKER/) },
    });
  });
});
