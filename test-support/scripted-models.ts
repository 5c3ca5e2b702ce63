import type { GenerationPart, GenerationRequest, LanguageModel } from '../src/llm/index.js';
import type { Reranker } from '../src/reranking/index.js';

/** What a scripted model says to one request: text, or parts (reasoning, text), or an error to throw. */
export type Script = (request: GenerationRequest) => string | GenerationPart[] | Error;

/**
 * A language model that answers by script and records every request: for testing what the answer
 * pipeline sends (prompts, budgets) and does with what comes back. Tokens are counted as 4 characters.
 */
export class ScriptedLanguageModel implements LanguageModel {
  readonly id = 'scripted';
  readonly requests: GenerationRequest[] = [];

  constructor(
    private readonly script: Script,
    readonly contextSize = 8192,
  ) {}

  async countTokens(value: string): Promise<number> {
    return Math.ceil(value.length / 4);
  }

  async *generate(request: GenerationRequest): AsyncGenerator<GenerationPart> {
    this.requests.push(request);
    const reply = this.script(request);
    if (reply instanceof Error) throw reply;
    const parts: GenerationPart[] =
      typeof reply === 'string'
        ? (reply.match(/.{1,7}/gs) ?? []).map((piece) => ({ type: 'text-delta', text: piece }))
        : reply;
    for (const part of parts) {
      request.signal?.throwIfAborted();
      await new Promise((resolve) => setImmediate(resolve));
      if (part.type === 'text-delta' && part.text.startsWith('!fail')) throw new Error('connection reset');
      yield part;
    }
    yield {
      type: 'finish',
      reason: 'stop',
      usage: { promptTokens: undefined, completionTokens: parts.length },
    };
  }

  /** The user message of the request that produced the answer (the last one). */
  lastUserMessage(): string {
    return this.requests.at(-1)?.messages.findLast((message) => message.role === 'user')?.content ?? '';
  }
}

/** A reranker that scores by a function of the query and passage, recording its calls. */
export class ScriptedReranker implements Reranker {
  readonly id = 'scripted-reranker';
  readonly calls: Array<{ query: string; documents: string[] }> = [];

  constructor(private readonly score: (query: string, document: string) => number) {}

  async rerank(query: string, documents: string[]): Promise<number[]> {
    this.calls.push({ query, documents });
    return documents.map((document) => this.score(query, document));
  }
}
