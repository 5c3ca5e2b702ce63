import { basename } from 'node:path';
import type { LlamaEmbeddingContext, LlamaModel } from 'node-llama-cpp';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { type LlamaRuntime, SerialQueue } from '../../llama/index.js';
import { normalise } from '../normalise.js';
import type { EmbeddingModel } from '../types.js';

export interface LlamaEmbeddingOptions {
  runtime: LlamaRuntime;
  path: string;
  /** Tokens per text; longer texts are cut. The smaller of this and the model's training context. */
  contextSize?: number;
}

/**
 * Embeddings from a GGUF transformer embedder (multilingual-e5, bge-m3…) run in-process by node-llama-cpp.
 * Texts are embedded one at a time on one context, cut to the context size, and L2-normalised.
 */
export class LlamaEmbeddingModel implements EmbeddingModel {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaEmbeddingContext,
    readonly id: string,
    readonly dimension: number,
    private readonly maxTokens: number,
  ) {}

  static async create(options: LlamaEmbeddingOptions): Promise<LlamaEmbeddingModel> {
    const model = await options.runtime.model(options.path);
    const maxTokens = Math.min(options.contextSize ?? 512, model.trainContextSize);
    const context = await options.runtime.context(options.path, () =>
      model.createEmbeddingContext({
        contextSize: maxTokens,
        batchSize: maxTokens,
        threads: options.runtime.threads,
      }),
    );
    const probe = await context.getEmbeddingFor('dimension probe');
    // The id names the file and its size: replacing the file with another model re-embeds the index.
    const id = `llama:${basename(options.path)}:${model.size}`;
    return new LlamaEmbeddingModel(model, context, id, probe.vector.length, maxTokens);
  }

  embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    return this.queue.run(async () => {
      const vectors: Float32Array[] = [];
      for (const value of texts) {
        options.signal?.throwIfAborted();
        // Room for the special tokens the model adds around the text.
        const tokens = this.model.tokenize(value).slice(0, this.maxTokens - 4);
        try {
          const embedding = await this.context.getEmbeddingFor(tokens);
          vectors.push(normalise(Float32Array.from(embedding.vector)));
        } catch (error) {
          throw new SpravkaError(
            'embedder_failed',
            text(
              `The embedding model failed: ${error instanceof Error ? error.message : String(error)}`,
              `Модель эмбеддингов завершилась ошибкой: ${error instanceof Error ? error.message : String(error)}`,
            ),
            { cause: error },
          );
        }
      }
      return vectors;
    }, options.signal);
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}
