import { HttpFailure, modelServerError, requestEventStream } from '../../http/index.js';
import type { ReasoningSplitterOptions } from '../reasoning.js';
import type { GenerationPart, GenerationRequest, LanguageModel } from '../types.js';
import { parseChunk } from './chat-completion-chunk.js';
import { cutShort, incomplete, interrupted, malformedChunk, reportedError } from './chat-failures.js';
import { ChatStreamParts } from './chat-stream-parts.js';
import { estimateTokens } from './token-estimate.js';

export interface OpenAIChatModelOptions {
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://vllm:8000/v1`, `https://api.deepseek.com/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Tokens the served model attends to, prompt and answer together. Default 8192. */
  contextSize?: number;
  /** Per attempt, until the first byte of the answer. Default 60 s. */
  timeoutMilliseconds?: number;
  /** Longest silence between two chunks of the answer. Default 60 s. */
  idleTimeoutMilliseconds?: number;
  /** Retries of transient failures before anything was received. Default 2. */
  retries?: number;
  /** First wait between retries; doubles each time. Default 500 ms. */
  backoffMilliseconds?: number;
  /**
   * How reasoning shows in the text when the server does not separate it:
   * - `detect` (default): a leading `<think>…</think>` block, or a `</think>` without an opening tag in
   *   the first 1,024 characters (the answer is held back until that is known);
   * - `starts-inside`: the chat template opens `<think>` itself, so the answer begins in reasoning
   *   and ends it with `</think>` (DeepSeek-R1 distills on vLLM or llama.cpp without a reasoning parser);
   * - `tagged-only`: only a leading `<think>…</think>` block; the answer streams without delay.
   */
  reasoning?: 'detect' | 'starts-inside' | 'tagged-only';
}

const SPLITTER_OPTIONS: Record<NonNullable<OpenAIChatModelOptions['reasoning']>, ReasoningSplitterOptions> = {
  detect: { start: 'detect' },
  'starts-inside': { start: 'reasoning' },
  'tagged-only': { start: 'detect', detectionWindow: 0 },
};

/**
 * A language model behind any server that speaks OpenAI's streamed `/v1/chat/completions` (Ollama, vLLM,
 * llama.cpp server, DeepSeek's API). Nothing is sent at creation, so a server that is down does not stop
 * spravka from starting; the first question reports it.
 */
export class OpenAIChatModel implements LanguageModel {
  readonly id: string;
  readonly contextSize: number;
  private readonly url: string;

  /** Sends nothing: the server may be down at start-up; the first question reports it. */
  static async create(options: OpenAIChatModelOptions): Promise<OpenAIChatModel> {
    return new OpenAIChatModel(options);
  }

  constructor(private readonly options: OpenAIChatModelOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.id = `openai:${baseUrl}#${options.model}`;
    this.url = `${baseUrl}/chat/completions`;
    this.contextSize = options.contextSize ?? 8192;
  }

  /** An estimate: this protocol offers no tokenizer (see `estimateTokens` for how conservative it is). */
  async countTokens(text: string): Promise<number> {
    return estimateTokens(text);
  }

  /**
   * Streams one answer. The server counts reasoning and answer against one limit, so `max_tokens` is
   * `maxTokens` plus `reasoningBudget`: a caller that gives a budget leaves room for it in the context.
   */
  async *generate(request: GenerationRequest): AsyncGenerator<GenerationPart, void, undefined> {
    const { signal } = request;
    const events = requestEventStream(this.url, {
      body: this.body(request),
      headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
      timeoutMilliseconds: this.options.timeoutMilliseconds ?? 60_000,
      idleTimeoutMilliseconds: this.options.idleTimeoutMilliseconds ?? 60_000,
      retries: this.options.retries ?? 2,
      backoffMilliseconds: this.options.backoffMilliseconds ?? 500,
      ...(signal ? { signal } : {}),
    });
    const parts = new ChatStreamParts(SPLITTER_OPTIONS[this.options.reasoning ?? 'detect']);
    let started = false;
    let done = false;
    try {
      for await (const event of events) {
        started = true;
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        const parsed = parseChunk(event.data);
        if (parsed.kind === 'error') throw reportedError(this.url, parsed.message);
        if (parsed.kind === 'malformed') throw malformedChunk(this.url, parsed.reason);
        yield* parts.push(parsed.chunk);
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!(error instanceof HttpFailure)) throw error;
      // A connection lost after the finish reason only loses the usage: the answer is complete.
      if (parts.finishReason === undefined) {
        throw started ? interrupted(this.url, error) : this.failure(error);
      }
    }
    if (!done && parts.finishReason === undefined) throw incomplete(this.url);
    if (parts.finishReason === 'insufficient_system_resource') throw cutShort(this.url, parts.finishReason);
    yield* parts.end();
  }

  private body(request: GenerationRequest) {
    return {
      model: this.options.model,
      messages: request.messages.map(({ role, content }) => ({ role, content })),
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: request.maxTokens + (request.reasoningBudget ?? 0),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    };
  }

  private failure(error: HttpFailure) {
    return modelServerError(this.url, error, {
      code: 'llm_failed',
      apiKeyVariable: 'SPRAVKA_LLM_API_KEY',
      model: this.options.model,
    });
  }
}
