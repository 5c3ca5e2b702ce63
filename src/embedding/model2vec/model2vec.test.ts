import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_MODEL2VEC, temporaryDirectory } from '../../../test-support/files.js';
import { isSpravkaError, type SpravkaError } from '../../errors/index.js';
import { Model2VecModel } from './index.js';
import { SafetensorsFile } from './safetensors.js';
import { encodeSafetensors } from './safetensors-writer.js';

const DIMENSION = 64;

function cosine(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index] as number;
    const b = right[index] as number;
    dot += a * b;
    leftSquares += a * a;
    rightSquares += b * b;
  }
  return dot / Math.sqrt(leftSquares * rightSquares);
}

function norm(vector: Float32Array): number {
  return Math.hypot(...vector);
}

async function rejection(promise: Promise<unknown>): Promise<SpravkaError> {
  try {
    await promise;
  } catch (error) {
    if (isSpravkaError(error)) return error;
    throw error;
  }
  throw new Error('expected a SpravkaError');
}

/** A copy of the tiny model in a temporary directory, with `model.safetensors` replaced by `modelBytes`. */
function modelVariant(directory: string, modelBytes: Uint8Array | undefined): string {
  for (const file of ['tokenizer.json', 'config.json'])
    copyFileSync(join(TINY_MODEL2VEC, file), join(directory, file));
  if (modelBytes) writeFileSync(join(directory, 'model.safetensors'), modelBytes);
  return directory;
}

/** The tiny quantized model written out plainly: one row per token (centroid × weight), optionally as F16. */
function plainModelBytes(dtype: 'F32' | 'F16'): Uint8Array {
  const file = SafetensorsFile.parse(
    readFileSync(join(TINY_MODEL2VEC, 'model.safetensors')),
    'model.safetensors',
  );
  const centroids = file.floats('embeddings');
  const mapping = file.integers('mapping');
  const weights = file.floats('weights');
  const rows = new Float32Array(mapping.length * DIMENSION);
  for (let token = 0; token < mapping.length; token++) {
    for (let component = 0; component < DIMENSION; component++) {
      rows[token * DIMENSION + component] =
        (centroids[(mapping[token] as number) * DIMENSION + component] as number) *
        (weights[token] as number);
    }
  }
  const data = dtype === 'F32' ? rows : toFloat16(rows);
  return encodeSafetensors({ embeddings: { dtype, shape: [mapping.length, DIMENSION], data } });
}

/** Rounds to binary16 by truncation (enough for a test of the F16 path). */
function toFloat16(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(values.buffer.slice(0));
  return Uint16Array.from(bits, (word) => {
    const sign = (word >>> 16) & 0x8000;
    const exponent = ((word >>> 23) & 0xff) - 127 + 15;
    if (exponent <= 0) return sign;
    return sign | (exponent << 10) | ((word >>> 13) & 0x3ff);
  });
}

describe('Model2VecModel with the tiny vocabulary-quantized model', () => {
  let model: Model2VecModel;
  beforeAll(async () => {
    model = await Model2VecModel.create(TINY_MODEL2VEC);
  });

  it('matches the golden output of MinishLab/model2vec-rs for "hello" repeated 1000 times', async () => {
    // model2vec-rs test_rust_matches_python.rs: `vec!["hello"; 1000].join(" ")`, encoded with the defaults.
    const expected = JSON.parse(
      readFileSync(join(TINY_MODEL2VEC, 'expected_hello_x1000.json'), 'utf8'),
    ) as number[][];
    const [vector] = await model.embed([Array.from({ length: 1000 }, () => 'hello').join(' ')]);
    const golden = expected[0] as number[];
    expect(vector).toHaveLength(golden.length);
    golden.forEach((value, index) => {
      expect(Math.abs((vector?.[index] as number) - value)).toBeLessThan(1e-5);
    });
  });

  it('places related sentences closer than unrelated ones', async () => {
    const [question, related, unrelated] = await model.embed([
      'How do I reset my password?',
      'Steps to recover a forgotten account password',
      'The cat sat on the warm windowsill all afternoon.',
    ]);
    const relatedSimilarity = cosine(question as Float32Array, related as Float32Array);
    expect(relatedSimilarity).toBeGreaterThan(0.3);
    expect(relatedSimilarity).toBeGreaterThan(cosine(question as Float32Array, unrelated as Float32Array));
  });

  it('gives unit-length vectors of dimension 64, the same for the same text wherever it appears', async () => {
    expect(model.dimension).toBe(DIMENSION);
    const texts = ['Deploying the service', 'Ошибка при входе: неверный пароль', 'x = f(y) + 2;  // 東京 ✓'];
    const first = await model.embed(texts);
    const second = await model.embed([...texts].reverse());
    for (const [index, vector] of first.entries()) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(DIMENSION);
      expect(norm(vector)).toBeCloseTo(1, 5);
      expect([...vector]).toEqual([...(second[texts.length - 1 - index] as Float32Array)]);
    }
  });

  it('gives the zero vector, not NaN, for a text without tokens', async () => {
    const vectors = await model.embed(['', '   \n\t ', '\u0000\u200b']);
    for (const vector of vectors) {
      expect(vector).toHaveLength(DIMENSION);
      expect([...vector].every((value) => value === 0)).toBe(true);
    }
    expect(await model.embed([])).toEqual([]);
  });

  it('reads only the first 512 tokens, as Model2Vec does', async () => {
    const hello = Array.from({ length: 512 }, () => 'hello').join(' ');
    const world = Array.from({ length: 300 }, () => 'world').join(' ');
    const [truncated, alone] = await model.embed([`${hello} ${world}`, 'hello']);
    expect([...(truncated as Float32Array)]).toEqual([...(alone as Float32Array)]);
  });

  it('has an id of the directory name and the model file hash', () => {
    const hash = createHash('sha256')
      .update(readFileSync(join(TINY_MODEL2VEC, 'model.safetensors')))
      .digest('hex');
    expect(model.id).toBe(`model2vec:m2v-bge-base-en-vq:${hash.slice(0, 12)}`);
  });

  it('puts non-default settings into the id and honours them', async () => {
    const short = await Model2VecModel.create(TINY_MODEL2VEC, { maxTokens: 2, normalize: false });
    expect(short.id).toBe(`${model.id}:max-tokens=2:normalize=false`);
    const [twoTokens] = await short.embed(['hello world and more words']);
    const [reference] = await model.embed(['hello world']);
    expect(norm(twoTokens as Float32Array)).not.toBeCloseTo(1, 3);
    expect(cosine(twoTokens as Float32Array, reference as Float32Array)).toBeCloseTo(1, 6);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(model.embed(['hello'], { signal: controller.signal })).rejects.toThrow();
  });
});

describe('Model2VecModel with other layouts and broken models', () => {
  let directory: { path: string; cleanup: () => void };
  let quantized: Model2VecModel;
  const texts = [
    'How do I reset my password?',
    'Release notes for version 2.4',
    'fn main() { println!("hi"); }',
  ];
  beforeAll(async () => {
    quantized = await Model2VecModel.create(TINY_MODEL2VEC);
  });
  afterAll(() => directory?.cleanup());
  const fresh = () => {
    directory?.cleanup();
    directory = temporaryDirectory('spravka-model2vec-');
    return directory.path;
  };

  it('reads a plain model (one row per token) to the same vectors', async () => {
    const plain = await Model2VecModel.create(modelVariant(fresh(), plainModelBytes('F32')));
    const expected = await quantized.embed(texts);
    for (const [index, vector] of (await plain.embed(texts)).entries()) {
      const reference = expected[index] as Float32Array;
      vector.forEach((value, component) => {
        expect(Math.abs(value - (reference[component] as number))).toBeLessThan(1e-6);
      });
    }
  });

  it('reads a float16 model to nearly the same vectors', async () => {
    const half = await Model2VecModel.create(modelVariant(fresh(), plainModelBytes('F16')));
    const expected = await quantized.embed(texts);
    for (const [index, vector] of (await half.embed(texts)).entries()) {
      expect(cosine(vector, expected[index] as Float32Array)).toBeGreaterThan(0.999);
    }
  });

  it('reports a missing directory with the files it needs and where they come from', async () => {
    const error = await rejection(Model2VecModel.create(join(fresh(), 'nowhere')));
    expect(error.code).toBe('model_invalid');
    expect(error.text.en).toContain('nowhere');
    for (const language of ['en', 'ru'] as const) {
      for (const file of ['tokenizer.json', 'model.safetensors', 'config.json']) {
        expect(error.hint?.[language]).toContain(file);
      }
      expect(error.hint?.[language]).toContain('spravka models pull');
    }
  });

  it('reports which file is missing', async () => {
    const path = modelVariant(fresh(), plainModelBytes('F32'));
    rmSync(join(path, 'config.json'));
    const error = await rejection(Model2VecModel.create(path));
    expect(error.code).toBe('model_invalid');
    expect(error.text.en).toContain('missing or unreadable config.json');
    expect(error.text.ru).toContain('config.json');
  });

  it('reports a truncated model.safetensors and says to replace it', async () => {
    const original = readFileSync(join(TINY_MODEL2VEC, 'model.safetensors'));
    const path = modelVariant(fresh(), original.subarray(0, original.length - 100));
    const error = await rejection(Model2VecModel.create(path));
    expect(error.code).toBe('model_invalid');
    expect(error.text.en).toMatch(/truncated/);
    expect(error.hint?.en).toContain(join(path, 'model.safetensors'));
    expect(error.hint?.ru).toContain(join(path, 'model.safetensors'));
  });

  it('reports a model.safetensors with a broken header', async () => {
    const bytes = encodeSafetensors({ embeddings: { dtype: 'F32', shape: [2], data: new Float32Array(2) } });
    bytes[8] = 0x78; // the opening brace becomes 'x': no longer JSON
    const error = await rejection(Model2VecModel.create(modelVariant(fresh(), bytes)));
    expect(error.code).toBe('model_invalid');
    expect(error.text.en).toMatch(/not valid UTF-8 JSON/);
  });

  it('reports a model whose vectors do not cover the vocabulary', async () => {
    const bytes = encodeSafetensors({
      embeddings: { dtype: 'F32', shape: [100, DIMENSION], data: new Float32Array(100 * DIMENSION) },
    });
    const error = await rejection(Model2VecModel.create(modelVariant(fresh(), bytes)));
    expect(error.code).toBe('model_invalid');
    expect(error.text.en).toMatch(/covers 100 tokens but the tokenizer has 29524/);
  });

  it('reports a tokenizer.json that is not JSON', async () => {
    const path = modelVariant(fresh(), plainModelBytes('F32'));
    writeFileSync(join(path, 'tokenizer.json'), '{"model": ');
    const error = await rejection(Model2VecModel.create(path));
    expect(error.code).toBe('model_invalid');
    expect(error.hint?.en).toContain(join(path, 'tokenizer.json'));
  });
});
