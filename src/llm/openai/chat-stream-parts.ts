import { ReasoningSplitter, type ReasoningSplitterOptions } from '../reasoning.js';
import type { GenerationPart, TokenUsage } from '../types.js';
import type { ChatCompletionChunk } from './chat-completion-chunk.js';

/**
 * Turns the chunks of one streamed chat completion into generation parts. Reasoning comes either in
 * its own field (`reasoning_content`, `reasoning`) or inside the content as `<think>…</think>`; once
 * the server has sent a reasoning field before any content, the content is taken to be all answer
 * (a template that opens `<think>` itself would otherwise make the whole answer look like reasoning).
 */
export class ChatStreamParts {
  private splitter: ReasoningSplitter;
  private contentSeen = false;
  private reason: string | undefined;
  private usage: TokenUsage = { promptTokens: undefined, completionTokens: undefined };

  constructor(options: ReasoningSplitterOptions) {
    this.splitter = new ReasoningSplitter(options);
  }

  /** The `finish_reason` the server gave, once it has. */
  get finishReason(): string | undefined {
    return this.reason;
  }

  push(chunk: ChatCompletionChunk): GenerationPart[] {
    const parts: GenerationPart[] = [];
    if (chunk.usage) {
      this.usage = {
        promptTokens: chunk.usage.prompt_tokens ?? undefined,
        completionTokens: chunk.usage.completion_tokens ?? undefined,
      };
    }
    const choice = chunk.choices?.[0];
    // vLLM may send the same text in both fields: take one.
    const reasoning = choice?.delta?.reasoning_content || choice?.delta?.reasoning;
    if (reasoning) {
      if (!this.contentSeen) this.splitter = new ReasoningSplitter({ start: 'answer' });
      parts.push({ type: 'reasoning-delta', text: reasoning });
    }
    const content = choice?.delta?.content;
    if (content) {
      this.contentSeen = true;
      parts.push(...this.splitter.push(content));
    }
    if (choice?.finish_reason) this.reason = choice.finish_reason;
    return parts;
  }

  /** The rest of the text and the finish part, once the stream is complete. */
  end(): GenerationPart[] {
    return [
      ...this.splitter.end(),
      { type: 'finish', reason: this.reason === 'length' ? 'length' : 'stop', usage: this.usage },
    ];
  }
}
