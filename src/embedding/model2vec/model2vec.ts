import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import type { EmbeddingModel } from '../types.js';
import { EmbeddingTable } from './embedding-table.js';
import { invalidModelFile } from './model-errors.js';
import { type ModelFiles, readModelFiles } from './model-files.js';
import { SafetensorsFile } from './safetensors.js';
import { planTokenization } from './tokenization-plan.js';
import { WordCachedTokenizer } from './word-cached-tokenizer.js';

/** Model2Vec's own default: tokens past this many are ignored. */
export const DEFAULT_MAX_TOKENS = 512;
/** How long `embed` computes before letting other work (HTTP requests, an abort) run. */
const SLICE_MILLISECONDS = 20;

export interface Model2VecOptions {
  /** Only the first this many tokens of a text count; default 512, as in Model2Vec. */
  maxTokens?: number;
  /** Overrides the `normalize` flag of config.json (which is true for published models). */
  normalize?: boolean;
}

/**
 * A Model2Vec static embedding model (MinishLab's potion and multilingual models, plain or
 * vocabulary-quantized) read from a directory holding tokenizer.json, model.safetensors and config.json.
 * A text's vector is the mean of its tokens' vectors (no special tokens, at most `maxTokens` tokens),
 * L2-normalised when the model says so; a text without tokens gets the zero vector.
 */
export class Model2VecModel implements EmbeddingModel {
  readonly id: string;
  readonly dimension: number;
  private readonly tokenIds: Int32Array;
  private readonly sum: Float64Array;

  private constructor(
    id: string,
    private readonly tokenizer: WordCachedTokenizer,
    private readonly table: EmbeddingTable,
    private readonly normalize: boolean,
    maxTokens: number,
  ) {
    this.id = id;
    this.dimension = table.dimension;
    this.tokenIds = new Int32Array(maxTokens);
    this.sum = new Float64Array(table.dimension);
  }

  /**
   * Loads the model in `directory`. Throws SpravkaError('model_invalid') when the directory or a file
   * is missing, or a file is malformed or does not match the others.
   */
  static async create(directory: string, options: Model2VecOptions = {}): Promise<Model2VecModel> {
    const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    if (!Number.isInteger(maxTokens) || maxTokens < 1) {
      throw new RangeError(`maxTokens must be a positive integer, got ${maxTokens}`);
    }
    const files = await readModelFiles(directory);
    const tokenizer = loadTokenizer(files);
    const tokenCount = tokenIdCount(tokenizer);
    const table = EmbeddingTable.fromSafetensors(
      SafetensorsFile.parse(files.modelBytes, files.paths['model.safetensors']),
      tokenCount,
    );
    const normalize = options.normalize ?? files.normalize;
    const unknownToken = files.tokenizer.model.unk_token;
    const cached = new WordCachedTokenizer(tokenizer, planTokenization(files.tokenizer), {
      // Model2Vec drops the unknown token of WordPiece/BPE vocabularies (which name it) but keeps Unigram's.
      dropTokenId: typeof unknownToken === 'string' ? tokenizer.token_to_id(unknownToken) : undefined,
    });
    const settings = [
      maxTokens === DEFAULT_MAX_TOKENS ? '' : `:max-tokens=${maxTokens}`,
      normalize === files.normalize ? '' : `:normalize=${normalize}`,
    ].join('');
    const fingerprint = createHash('sha256').update(files.modelBytes).digest('hex').slice(0, 12);
    const id = `model2vec:${basename(resolve(directory))}:${fingerprint}${settings}`;
    return new Model2VecModel(id, cached, table, normalize, maxTokens);
  }

  /** One vector per text, in order. Long batches yield to the event loop now and then and honour `signal`. */
  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    const vectors: Float32Array[] = [];
    let sliceStart = performance.now();
    for (const text of texts) {
      vectors.push(this.embedText(text));
      if ((vectors.length & 63) === 0 && performance.now() - sliceStart > SLICE_MILLISECONDS) {
        await new Promise((resume) => setImmediate(resume));
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
    return vectors;
  }

  private embedText(text: string): Float32Array {
    const vector = new Float32Array(this.dimension);
    const count = this.tokenizer.encodeInto(text, this.tokenIds);
    if (count === 0) return vector;
    const sum = this.sum;
    sum.fill(0);
    this.table.accumulate(this.tokenIds, count, sum);
    let squares = 0;
    for (let component = 0; component < sum.length; component++) {
      const mean = (sum[component] as number) / count;
      sum[component] = mean;
      squares += mean * mean;
    }
    const scale = !this.normalize ? 1 : squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let component = 0; component < sum.length; component++) {
      vector[component] = (sum[component] as number) * scale;
    }
    return vector;
  }
}

function loadTokenizer(files: ModelFiles): Tokenizer {
  try {
    return new Tokenizer(files.tokenizer, {});
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidModelFile(
      files.paths['tokenizer.json'],
      { en: `the tokenizer cannot be built (${detail})`, ru: `не удаётся построить токенизатор (${detail})` },
      error,
    );
  }
}

/** One past the largest id the tokenizer can produce: its vocabulary and its added tokens. */
function tokenIdCount(tokenizer: Tokenizer): number {
  let count = tokenizer.model?.vocab.length ?? 0;
  for (const id of tokenizer.get_added_tokens_decoder().keys()) count = Math.max(count, id + 1);
  return count;
}
