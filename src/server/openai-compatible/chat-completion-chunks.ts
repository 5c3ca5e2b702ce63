import type { AnswerEvent, AnswerResult } from '../../answer/index.js';
import type { CompletionIdentity } from './chat-completion.js';
import { MODEL_ID } from './chat-request.js';
import { sourcesList } from './sources-list.js';

interface ChunkDelta {
  role?: 'assistant';
  content?: string;
  /** A reasoning model's thinking, as DeepSeek-compatible clients expect it; never part of the content. */
  reasoning_content?: string;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: [{ index: 0; delta: ChunkDelta; logprobs: null; finish_reason: 'stop' | null }];
}

/**
 * An answer as `chat.completion.chunk`s: the role, the text as it streams (reasoning apart), the cited
 * sources once the answer is complete, then a chunk that says it stopped.
 */
export async function* chatCompletionChunks(
  answer: AsyncGenerator<AnswerEvent, AnswerResult>,
  { id, created }: CompletionIdentity,
): AsyncGenerator<ChatCompletionChunk, void> {
  const chunk = (delta: ChunkDelta, finishReason: 'stop' | null = null): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: MODEL_ID,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  yield chunk({ role: 'assistant', content: '' });
  let step = await answer.next();
  while (!step.done) {
    const event = step.value;
    if (event.type === 'text-delta') yield chunk({ content: event.text });
    if (event.type === 'reasoning-delta') yield chunk({ reasoning_content: event.text });
    step = await answer.next();
  }
  const sources = sourcesList(step.value.citations);
  if (sources) yield chunk({ content: sources });
  yield chunk({}, 'stop');
}
