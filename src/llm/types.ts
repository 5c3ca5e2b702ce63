/**
 * The language model spec: every runtime (node-llama-cpp in-process, an OpenAI-compatible server)
 * implements this and nothing else is known about it outside its folder.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationRequest {
  messages: ChatMessage[];
  /** Upper bound on answer tokens (reasoning of a reasoning model not included where the runtime can tell). */
  maxTokens: number;
  /** 0 = greedy. */
  temperature?: number;
  /** Upper bound on reasoning ("thinking") tokens of a reasoning model; the runtime enforces what it can. */
  reasoningBudget?: number;
  signal?: AbortSignal;
}

/**
 * Parts of a generation stream. Reasoning (`<think>…</think>`, `reasoning_content`) is never part of
 * `text-delta`: it comes as `reasoning-delta`, which callers may show collapsed or drop.
 */
export type GenerationPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'finish'; reason: FinishReason; usage: TokenUsage };

export type FinishReason = 'stop' | 'length';

export interface TokenUsage {
  promptTokens: number | undefined;
  completionTokens: number | undefined;
}

export interface LanguageModel {
  /** Stable id of the model and where it runs, e.g. `llama:/models/x.gguf`, `openai:http://h/v1#m`. */
  readonly id: string;
  /** Tokens the model can attend to: prompt and answer together. */
  readonly contextSize: number;
  /**
   * Tokens of a text in this model's tokenizer; runtimes without access to the tokenizer give a
   * conservative estimate (never lower than the truth for ordinary text).
   */
  countTokens(text: string): Promise<number>;
  /**
   * Streams one answer. Aborting the signal stops generation and rejects with the signal's reason.
   * Failures are SpravkaErrors (`llm_failed`) that say what to check.
   */
  generate(request: GenerationRequest): AsyncIterable<GenerationPart>;
}
