import { z } from 'zod';
import { modelServerError, requestJson } from '../../http/request-json.js';
import { normalise } from '../normalise.js';
import type { EmbeddingModel } from '../types.js';

/** The fields of an OpenAI-compatible `/v1/embeddings` answer that are used. */
const embeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })).min(1),
});

export interface OpenAIEmbedderOptions {
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://tei:8080/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  batchSize?: number;
  timeoutMilliseconds?: number;
  retries?: number;
}

/**
 * Embeddings from any server that speaks OpenAI's `/v1/embeddings` (Ollama, vLLM, llama.cpp server, TEI).
 * The dimension is learnt from one probe at creation, so a dead server is reported at start-up.
 */
export class OpenAIEmbeddingModel implements EmbeddingModel {
  private constructor(
    private readonly options: Required<Omit<OpenAIEmbedderOptions, 'apiKey'>> & {
      apiKey: string | undefined;
    },
    readonly dimension: number,
  ) {}

  get id(): string {
    return `openai:${this.options.baseUrl}#${this.options.model}`;
  }

  static async create(options: OpenAIEmbedderOptions): Promise<OpenAIEmbeddingModel> {
    const settings = {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      model: options.model,
      apiKey: options.apiKey,
      batchSize: options.batchSize ?? 64,
      timeoutMilliseconds: options.timeoutMilliseconds ?? 60_000,
      retries: options.retries ?? 3,
    };
    const probe = new OpenAIEmbeddingModel(settings, 0);
    const [vector] = await probe.embedBatch(['dimension probe'], undefined);
    return new OpenAIEmbeddingModel(settings, vector?.length ?? 0);
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.options.batchSize) {
      vectors.push(
        ...(await this.embedBatch(texts.slice(start, start + this.options.batchSize), options.signal)),
      );
    }
    return vectors;
  }

  private async embedBatch(texts: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    const url = `${this.options.baseUrl}/embeddings`;
    let response: z.infer<typeof embeddingsResponse>;
    try {
      response = await requestJson(url, embeddingsResponse, {
        body: { model: this.options.model, input: texts },
        headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
        timeoutMilliseconds: this.options.timeoutMilliseconds,
        retries: this.options.retries,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw modelServerError(url, error);
    }
    const ordered = [...response.data].sort((left, right) => left.index - right.index);
    const dimension = this.dimension || ordered[0]?.embedding.length || 0;
    if (
      ordered.length !== texts.length ||
      ordered.some((item) => item.embedding.length !== dimension || dimension === 0)
    ) {
      throw modelServerError(
        url,
        new Error(`expected ${texts.length} vectors of ${dimension || 'one'} dimension`),
      );
    }
    return ordered.map((item) => normalise(Float32Array.from(item.embedding)));
  }
}
