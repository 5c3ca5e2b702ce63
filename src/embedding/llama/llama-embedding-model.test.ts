import { afterAll, describe, expect, it } from 'vitest';
import { TINY_LLAMA_GGUF } from '../../../test-support/files.js';
import { LlamaRuntime } from '../../llama/index.js';
import { LlamaEmbeddingModel } from './llama-embedding-model.js';

const runtime = new LlamaRuntime({ threads: 1 });
afterAll(() => runtime.dispose());

describe('LlamaEmbeddingModel on a real GGUF file', () => {
  // stories260K's vectors carry no meaning; this proves the loading, cutting and normalising path.
  it('gives one unit vector of the model’s dimension per text, deterministically, and cuts long texts', async () => {
    const model = await LlamaEmbeddingModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 64 });
    expect(model.dimension).toBe(64);
    expect(model.id).toMatch(/^llama:stories260K\.gguf:\d+$/);
    const long = 'a very long text that goes on and on '.repeat(200);
    const [first, second, third] = await model.embed(['hello world', 'a different sentence', long]);
    const [again] = await model.embed(['hello world']);
    for (const vector of [first, second, third]) {
      expect(vector).toHaveLength(64);
      const norm = Math.sqrt([...(vector as Float32Array)].reduce((sum, value) => sum + value * value, 0));
      expect(norm).toBeCloseTo(1, 5);
    }
    expect(again).toEqual(first);
    expect(second).not.toEqual(first);
    await model.dispose();
  });

  it('honours cancellation before embedding', async () => {
    const model = await LlamaEmbeddingModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 64 });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(model.embed(['x'], { signal: controller.signal })).rejects.toThrow('stop');
    await model.dispose();
  });
});
