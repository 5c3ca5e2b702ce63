import { basename } from 'node:path';
import type { ChatHistoryItem, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { type LlamaRuntime, SerialQueue } from '../../llama/index.js';
import { ReasoningSplitter } from '../reasoning.js';
import type { ChatMessage, GenerationPart, GenerationRequest, LanguageModel } from '../types.js';
import { Channel } from './channel.js';

export interface LlamaChatModelOptions {
  runtime: LlamaRuntime;
  path: string;
  /** Tokens; the smaller of this and the model's training context. Default 8192. */
  contextSize?: number;
}

const DEFAULT_CONTEXT = 8192;

/**
 * A GGUF chat model run in-process by node-llama-cpp, with the model's own chat template (node-llama-cpp
 * resolves the matching chat wrapper, including DeepSeek's, whose reasoning comes as "thought" segments).
 * One context with one sequence; generations are queued, never interleaved.
 */
export class LlamaChatModel implements LanguageModel {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    readonly id: string,
  ) {}

  static async create(options: LlamaChatModelOptions): Promise<LlamaChatModel> {
    const model = await options.runtime.model(options.path);
    const contextSize = Math.min(options.contextSize ?? DEFAULT_CONTEXT, model.trainContextSize);
    const context = await options.runtime.context(options.path, () =>
      model.createContext({ contextSize, threads: options.runtime.threads, sequences: 1 }),
    );
    return new LlamaChatModel(model, context, `llama:${basename(options.path)}`);
  }

  get contextSize(): number {
    return this.context.contextSize;
  }

  /** Requests waiting for or using the context. */
  get queueDepth(): number {
    return this.queue.depth;
  }

  async countTokens(value: string): Promise<number> {
    return this.model.tokenize(value).length;
  }

  generate(request: GenerationRequest): AsyncIterable<GenerationPart> {
    const stop = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
    const channel = new Channel<GenerationPart>(() => stop.abort(new Error('the reader stopped')));
    this.queue
      .run(() => this.run(request, signal, channel), signal)
      .then(
        () => channel.end(),
        (error: unknown) => channel.fail(signal.aborted ? signal.reason : generationError(error)),
      );
    return channel;
  }

  private async run(
    request: GenerationRequest,
    signal: AbortSignal,
    channel: Channel<GenerationPart>,
  ): Promise<void> {
    const { LlamaChat } = await import('node-llama-cpp');
    const sequence = this.context.getSequence();
    const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
    let completionTokens = 0;
    const splitter = new ReasoningSplitter({ start: 'detect', detectionWindow: 0 });
    try {
      const reasoningBudget = request.reasoningBudget ?? 0;
      const response = await chat.generateResponse(toHistory(request.messages), {
        maxTokens: request.maxTokens + reasoningBudget,
        temperature: request.temperature ?? 0,
        budgets: { thoughtTokens: reasoningBudget },
        signal,
        stopOnAbortSignal: false,
        onResponseChunk: (chunk) => {
          completionTokens += chunk.tokens.length;
          if (!chunk.text) return;
          // The chat wrapper marks a known model's thoughts as segments; a `<think>` block in plain text
          // (a template node-llama-cpp does not know) is split off here.
          if (chunk.type === 'segment') channel.push({ type: 'reasoning-delta', text: chunk.text });
          else for (const part of splitter.push(chunk.text)) channel.push(part);
        },
      });
      signal.throwIfAborted();
      for (const part of splitter.end()) channel.push(part);
      channel.push({
        type: 'finish',
        reason: response.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
        usage: { promptTokens: undefined, completionTokens },
      });
    } finally {
      chat.dispose({ disposeSequence: false });
      sequence.dispose();
    }
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
  }
}

function toHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message) =>
    message.role === 'assistant'
      ? { type: 'model', response: [message.content] }
      : { type: message.role, text: message.content },
  );
  history.push({ type: 'model', response: [] });
  return history;
}

function generationError(error: unknown): SpravkaError {
  if (error instanceof SpravkaError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SpravkaError(
    'llm_failed',
    text(`The language model failed: ${detail}`, `Языковая модель завершилась ошибкой: ${detail}`),
    {
      hint: text(
        'Try again; if it keeps failing, check the model file and the memory available (spravka status).',
        'Повторите; если ошибка повторяется, проверьте файл модели и свободную память (spravka status).',
      ),
      cause: error,
    },
  );
}
