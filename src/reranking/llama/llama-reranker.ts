import { basename } from 'node:path';
import type { LlamaModel, LlamaRankingContext } from 'node-llama-cpp';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { type LlamaRuntime, SerialQueue } from '../../llama/index.js';
import type { Reranker } from '../types.js';

export interface LlamaRerankerOptions {
  runtime: LlamaRuntime;
  path: string;
  /** Tokens of query and passage together; passages are cut to fit. Default 512. */
  contextSize?: number;
}

/**
 * A GGUF cross-encoder (bge-reranker-v2-m3 and the like) run in-process by node-llama-cpp: each passage is
 * read together with the query and scored in [0, 1]. One context, requests queued.
 */
export class LlamaReranker implements Reranker {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaRankingContext,
    readonly id: string,
    private readonly maxTokens: number,
  ) {}

  static async create(options: LlamaRerankerOptions): Promise<LlamaReranker> {
    const model = await options.runtime.model(options.path);
    const maxTokens = Math.min(options.contextSize ?? 512, model.trainContextSize);
    if (!model.fileInsights.supportsRanking) {
      throw new SpravkaError(
        'model_invalid',
        text(
          `${options.path} is not a reranker (a cross-encoder with a classification head).`,
          `${options.path} — не реранкер (кросс-энкодер с классификационной головой).`,
        ),
        {
          hint: text(
            'Set SPRAVKA_RERANKER to a reranker GGUF such as bge-reranker-v2-m3 (spravka models list), or to none.',
            'Укажите в SPRAVKA_RERANKER GGUF-реранкер, например bge-reranker-v2-m3 (spravka models list), или none.',
          ),
        },
      );
    }
    const context = await options.runtime.context(options.path, () =>
      model.createRankingContext({
        contextSize: maxTokens,
        batchSize: maxTokens,
        threads: options.runtime.threads,
      }),
    );
    return new LlamaReranker(model, context, `llama:${basename(options.path)}`, maxTokens);
  }

  rerank(query: string, documents: string[], options: { signal?: AbortSignal } = {}): Promise<number[]> {
    return this.queue.run(async () => {
      // The query keeps at most a quarter of the window; each passage gets the rest.
      const queryTokens = this.model.tokenize(query).slice(0, Math.floor(this.maxTokens / 4));
      const room = this.maxTokens - queryTokens.length - 8;
      const scores: number[] = [];
      for (const document of documents) {
        options.signal?.throwIfAborted();
        try {
          scores.push(await this.context.rank(queryTokens, this.model.tokenize(document).slice(0, room)));
        } catch (error) {
          throw new SpravkaError(
            'reranker_failed',
            text(
              `The reranker failed: ${error instanceof Error ? error.message : String(error)}`,
              `Реранкер завершился ошибкой: ${error instanceof Error ? error.message : String(error)}`,
            ),
            {
              hint: text(
                'Answers still work without it: set SPRAVKA_RERANKER=none to skip it.',
                'Ответы работают и без него: SPRAVKA_RERANKER=none отключает реранкер.',
              ),
              cause: error,
            },
          );
        }
      }
      return scores;
    }, options.signal);
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}
