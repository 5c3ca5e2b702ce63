import { randomUUID } from 'node:crypto';
import type { AnswerResult } from '../../answer/index.js';
import { MODEL_ID } from './chat-request.js';
import { answerWithSources } from './sources-list.js';

/** What identifies one completion and each of its chunks. */
export interface CompletionIdentity {
  id: string;
  /** Unix time in seconds. */
  created: number;
}

export function newCompletionIdentity(): CompletionIdentity {
  return { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000) };
}

/**
 * A non-streaming `chat.completion`: the answer with its cited sources appended; a reasoning model's
 * thinking apart as `reasoning_content` (as DeepSeek's API does). spravka does not count tokens here.
 */
export function chatCompletion(result: AnswerResult, { id, created }: CompletionIdentity) {
  return {
    id,
    object: 'chat.completion' as const,
    created,
    model: MODEL_ID,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: answerWithSources(result),
          ...(result.reasoning ? { reasoning_content: result.reasoning } : {}),
        },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}
