import type { ChatMessage, LanguageModel } from '../llm/index.js';

const MAX_SHORT_ANSWER = 300;

/**
 * A short, one-line completion (a rewritten query, a translation): greedy, no reasoning budget, the
 * answer's first non-empty line without quotes or a leading label. Undefined when nothing usable came back.
 */
export async function completeText(
  model: LanguageModel,
  messages: ChatMessage[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  let output = '';
  for await (const part of model.generate({
    messages,
    maxTokens: 80,
    temperature: 0,
    reasoningBudget: 0,
    ...(signal ? { signal } : {}),
  })) {
    if (part.type === 'text-delta') output += part.text;
  }
  const line = output
    .split('\n')
    .map((candidate) => candidate.trim())
    .find(Boolean)
    ?.replace(/^(standalone query|query|translation|запрос|перевод)\s*:\s*/i, '')
    .replace(/^["'«“`]+|["'»”`]+$/g, '')
    .trim();
  if (!line || line.length > MAX_SHORT_ANSWER) return undefined;
  return line;
}
