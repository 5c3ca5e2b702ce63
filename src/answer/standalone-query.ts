import type { LanguageModel } from '../llm/index.js';
import { completeText } from './complete-text.js';
import type { ConversationTurn } from './types.js';

/** Words that point back into the conversation: a question with one of them is a follow-up. */
const BACK_REFERENCES = new Set(
  (
    'это этот эта эти этого этой этим том там тут туда здесь его её ее их он она оно они такой такое ' +
    'тот та те тогда него нее неё них ним ней а и ещё еще также ' +
    'it its this that these those there they them their he she his her also what about and too same'
  ).split(' '),
);

function words(value: string): string[] {
  return value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A question that cannot stand alone: it refers back ("а где это настраивается?") or is very short. */
export function looksLikeFollowUp(question: string): boolean {
  const questionWords = words(question);
  return questionWords.length <= 3 || questionWords.some((word) => BACK_REFERENCES.has(word));
}

/**
 * The fallback without a language model: a follow-up is searched together with the previous question,
 * which carries the subject it refers to.
 */
export function fallbackStandaloneQuery(question: string, history: ConversationTurn[]): string {
  const previous = history
    .filter((turn) => turn.role === 'user')
    .at(-1)
    ?.content.trim();
  if (!previous || !looksLikeFollowUp(question)) return question;
  return `${previous.slice(0, 500)} ${question}`;
}

/**
 * A follow-up rewritten into a standalone search query by the language model, from the last turns of the
 * conversation. The model's output is checked (one line, not empty, not absurdly long); otherwise the
 * fallback is used.
 */
export async function rewriteWithModel(
  question: string,
  history: ConversationTurn[],
  model: LanguageModel,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const recent = history
    .slice(-4)
    .map(
      (turn) =>
        `${turn.role === 'user' ? 'User' : 'Assistant'}: ${turn.content.replace(/\s+/g, ' ').slice(0, 400)}`,
    )
    .join('\n');
  const rewritten = await completeText(
    model,
    [
      {
        role: 'system',
        content:
          'Rewrite the last user question as one standalone search query that makes sense without the conversation: ' +
          'replace pronouns and references with what they refer to. Keep the language of the question. ' +
          'Output only the query, nothing else.',
      },
      {
        role: 'user',
        content: `Conversation:\n${recent}\n\nLast question: ${question}\n\nStandalone query:`,
      },
    ],
    signal,
  );
  return rewritten;
}
