import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TINY_LLAMA_GGUF, temporaryDirectory } from '../../../test-support/files.js';
import { LlamaRuntime } from '../../llama/index.js';
import type { GenerationPart } from '../types.js';
import { LlamaChatModel } from './llama-chat-model.js';

const runtime = new LlamaRuntime({ threads: 1 });
afterAll(() => runtime.dispose());

async function collect(parts: AsyncIterable<GenerationPart>): Promise<GenerationPart[]> {
  const collected: GenerationPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

describe('LlamaChatModel on a real tiny GGUF model', () => {
  it('generates greedily with the model’s chat template, counts tokens with its tokenizer, and finishes', async () => {
    const model = await LlamaChatModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 512 });
    expect(model.contextSize).toBe(512);
    expect(await model.countTokens('Once upon a time')).toBeGreaterThan(2);
    expect(await model.countTokens('Once upon a time there was a little girl')).toBeGreaterThan(
      await model.countTokens('Once upon a time'),
    );
    const request = { messages: [{ role: 'user' as const, content: 'Once upon a time' }], maxTokens: 24 };
    const first = await collect(model.generate(request));
    const second = await collect(model.generate(request));
    const answer = first.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
    expect(answer.length).toBeGreaterThan(10);
    expect(first.at(-1)).toMatchObject({ type: 'finish' });
    expect(first.filter((part) => part.type === 'finish')).toHaveLength(1);
    // Greedy decoding is deterministic, and the context is reused cleanly between requests.
    expect(second).toEqual(first);
    await model.dispose();
  });

  it('queues concurrent requests on its one context instead of failing or interleaving them', async () => {
    const model = await LlamaChatModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 512 });
    const request = (content: string) => ({ messages: [{ role: 'user' as const, content }], maxTokens: 16 });
    const alone = await collect(model.generate(request('The dog')));
    const together = await Promise.all([
      collect(model.generate(request('The cat'))),
      collect(model.generate(request('The dog'))),
    ]);
    expect(together[1]).toEqual(alone);
    expect(model.queueDepth).toBe(0);
    await model.dispose();
  });

  it('stops promptly when cancelled and stays usable', async () => {
    const model = await LlamaChatModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 512 });
    const controller = new AbortController();
    const reason = new Error('cancelled by the user');
    const started = Date.now();
    const parts: GenerationPart[] = [];
    await expect(
      (async () => {
        for await (const part of model.generate({
          messages: [{ role: 'user', content: 'Once upon a time' }],
          maxTokens: 400,
          signal: controller.signal,
        })) {
          parts.push(part);
          if (parts.length === 3) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    const after = await collect(
      model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 8 }),
    );
    expect(after.at(-1)).toMatchObject({ type: 'finish' });
    await model.dispose();
  });

  it('a reader that stops early frees the context for the next request', async () => {
    const model = await LlamaChatModel.create({ runtime, path: TINY_LLAMA_GGUF, contextSize: 512 });
    for await (const part of model.generate({
      messages: [{ role: 'user', content: 'Once' }],
      maxTokens: 400,
    })) {
      if (part.type === 'text-delta') break;
    }
    const next = await collect(model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 8 }));
    expect(next.at(-1)).toMatchObject({ type: 'finish' });
    await model.dispose();
  });

  it('reports a missing file and a corrupt file as clear model errors', async () => {
    const directory = temporaryDirectory();
    try {
      await expect(
        LlamaChatModel.create({ runtime, path: join(directory.path, 'absent.gguf') }),
      ).rejects.toMatchObject({ code: 'model_missing' });
      const corrupt = join(directory.path, 'corrupt.gguf');
      writeFileSync(corrupt, Buffer.from('GGUF this is not really a model file'.repeat(10)));
      await expect(LlamaChatModel.create({ runtime, path: corrupt })).rejects.toMatchObject({
        code: 'model_invalid',
      });
    } finally {
      directory.cleanup();
    }
  });
});
