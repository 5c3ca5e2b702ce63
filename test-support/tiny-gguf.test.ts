import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getLlama, type Llama, readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from './files.js';
import {
  buildTinyBertGguf,
  TINY_GGUF_SPECIAL_TOKENS,
  tinyRerankerReferenceLogit,
  writeTinyBertEmbedderGguf,
  writeTinyRerankerGguf,
} from './tiny-gguf.js';

const QUERY = 'how to reset my password';
const DOCUMENTS = [
  'to reset your password open the login page',
  'кошка сидит на окне',
  'the weather is rain in the city',
  'как сбросить пароль администратора',
  'deploy the server with the new release',
];

describe('tiny GGUF generator', () => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let llama: Llama;

  beforeAll(async () => {
    directory = temporaryDirectory('spravka-tiny-gguf-');
    llama = await getLlama({ gpu: false, maxThreads: 1, build: 'never' });
  });

  afterAll(async () => {
    await llama?.dispose();
    directory?.cleanup();
  });

  it('writes a small, deterministic GGUF v3 file that node-llama-cpp reads back', async () => {
    const path = join(directory.path, 'format.gguf');
    writeTinyRerankerGguf(path, { seed: 7 });

    expect(statSync(path).size).toBeLessThan(400_000);
    expect(readFileSync(path).equals(buildTinyBertGguf('reranker', { seed: 7 }))).toBe(true);
    expect(buildTinyBertGguf('reranker', { seed: 8 }).equals(readFileSync(path))).toBe(false);

    const info = await readGgufFileInfo(path, { readTensorInfo: true });
    expect(info.version).toBe(3);
    const metadata = info.metadata as unknown as {
      general: { architecture: string };
      bert: Record<string, unknown>;
      tokenizer: { ggml: Record<string, unknown> };
    };
    expect(metadata.general.architecture).toBe('bert');
    expect(metadata.bert).toMatchObject({
      context_length: 512,
      embedding_length: 32,
      feed_forward_length: 64,
      block_count: 2,
      pooling_type: 4,
      attention: { head_count: 2, causal: false },
    });
    expect(metadata.tokenizer.ggml).toMatchObject({
      model: 'bert',
      token_type_count: 2,
      bos_token_id: TINY_GGUF_SPECIAL_TOKENS.cls.id,
      seperator_token_id: TINY_GGUF_SPECIAL_TOKENS.sep.id,
      padding_token_id: TINY_GGUF_SPECIAL_TOKENS.pad.id,
      unknown_token_id: TINY_GGUF_SPECIAL_TOKENS.unknown.id,
    });
    const tokens = metadata.tokenizer.ggml.tokens as string[];
    expect(tokens.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(tokens).toContain('\u2581password');
    expect(tokens).toContain('\u2581пароль');
    expect(tokens).toContain('ing');
    expect(new Set(tokens).size).toBe(tokens.length);

    const shapes = Object.fromEntries(
      (info.fullTensorInfo ?? []).map((tensor) => [tensor.name, tensor.dimensions]),
    );
    expect(info.tensorCount).toBe(3 + 2 + 16 * 2 + 4);
    expect(shapes['token_embd.weight']).toEqual([32, tokens.length]);
    expect(shapes['position_embd.weight']).toEqual([32, 512]);
    expect(shapes['blk.1.ffn_up.weight']).toEqual([32, 64]);
    expect(shapes['blk.1.ffn_down.weight']).toEqual([64, 32]);
    expect(shapes['cls.weight']).toEqual([32, 32]);
    expect(shapes['cls.output.weight']).toEqual([32, 1]);
    expect(shapes['cls.output.bias']).toEqual([1]);
    for (const tensor of info.fullTensorInfo ?? []) expect(Number(tensor.offset) % 32).toBe(0);
  });

  it('writes a reranker that llama.cpp loads and ranks with, as the reference forward pass predicts', async () => {
    const path = join(directory.path, 'reranker.gguf');
    writeTinyRerankerGguf(path);
    const model = await llama.loadModel({ modelPath: path });
    try {
      expect(model.fileInsights.supportsRanking).toBe(true);
      expect(model.getWarnings()).toEqual([]);
      expect(model.detokenize(model.tokenize('some test text here'))).toBe('some test text here');

      const context = await model.createRankingContext({ threads: 1 });
      try {
        const scores = await context.rankAll(QUERY, DOCUMENTS);
        expect(scores).toHaveLength(DOCUMENTS.length);
        for (const score of scores) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }
        expect(new Set(scores.map((score) => score.toFixed(4))).size).toBe(DOCUMENTS.length);
        expect(await context.rankAll(QUERY, DOCUMENTS)).toEqual(scores);
        expect(await context.rank(QUERY, DOCUMENTS[3] ?? '')).toBe(scores[3]);

        // node-llama-cpp ranks [CLS] query [SEP] document (the vocabulary has no end-of-sequence token).
        const query = model.tokenize(QUERY, false, 'trimLeadingSpace');
        DOCUMENTS.forEach((document, index) => {
          const logit = tinyRerankerReferenceLogit([
            TINY_GGUF_SPECIAL_TOKENS.cls.id,
            ...query,
            TINY_GGUF_SPECIAL_TOKENS.sep.id,
            ...model.tokenize(document, false, 'trimLeadingSpace'),
          ]);
          expect(scores[index]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 2);
        });
      } finally {
        await context.dispose();
      }
    } finally {
      await model.dispose();
    }
  });

  it('ranks identically with a second model loaded from the same seed', async () => {
    const first = join(directory.path, 'first.gguf');
    const second = join(directory.path, 'second.gguf');
    writeTinyRerankerGguf(first, { seed: 3 });
    writeTinyRerankerGguf(second, { seed: 3 });
    const results: number[][] = [];
    for (const path of [first, second]) {
      const model = await llama.loadModel({ modelPath: path });
      try {
        const context = await model.createRankingContext({ threads: 1 });
        try {
          results.push(await context.rankAll(QUERY, DOCUMENTS));
        } finally {
          await context.dispose();
        }
      } finally {
        await model.dispose();
      }
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('tokenizes with a custom WordPiece vocabulary', async () => {
    const path = join(directory.path, 'vocabulary.gguf');
    writeTinyRerankerGguf(path, { vocabulary: ['[CLS]', 'reset', 'pass', '##word', 'пароль', 'reset'] });
    const model = await llama.loadModel({ modelPath: path });
    try {
      expect(model.tokenize('Reset password пароль!', false, 'trimLeadingSpace')).toEqual([
        5,
        6,
        7,
        8,
        TINY_GGUF_SPECIAL_TOKENS.unknown.id,
      ]);
      expect(model.fileInsights.supportsRanking).toBe(true);
    } finally {
      await model.dispose();
    }
  });

  it('writes a mean-pooling embedder whose vectors have the configured dimension', async () => {
    const path = join(directory.path, 'embedder.gguf');
    writeTinyBertEmbedderGguf(path, { embeddingLength: 24, headCount: 3 });
    const model = await llama.loadModel({ modelPath: path });
    try {
      expect(model.fileInsights.supportsRanking).toBe(false);
      const context = await model.createEmbeddingContext({ threads: 1 });
      try {
        const first = await context.getEmbeddingFor('how to reset my password');
        const again = await context.getEmbeddingFor('how to reset my password');
        const other = await context.getEmbeddingFor('кошка сидит на окне');
        expect(first.vector).toHaveLength(24);
        expect(first.vector.every(Number.isFinite)).toBe(true);
        expect(again.vector).toEqual(first.vector);
        expect(other.vector).not.toEqual(first.vector);
      } finally {
        await context.dispose();
      }
    } finally {
      await model.dispose();
    }
  });
});
