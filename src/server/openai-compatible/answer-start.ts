import type { AnswerEvent, AnswerResult } from '../../answer/index.js';

type Answer = AsyncGenerator<AnswerEvent, AnswerResult>;

/**
 * Runs an answer up to its first piece of text (or reasoning), so that a failure before it — an empty
 * question, retrieval down — still gets an HTTP status instead of an error inside a stream.
 * Returns the same answer, replaying the events already read.
 */
export async function startAnswer(answer: Answer): Promise<Answer> {
  const early: AnswerEvent[] = [];
  for (;;) {
    const step = await answer.next();
    if (step.done) return replay(early, answer, step.value);
    early.push(step.value);
    if (step.value.type === 'text-delta' || step.value.type === 'reasoning-delta') {
      return replay(early, answer, undefined);
    }
  }
}

/** Runs an answer to its end. */
export async function finishAnswer(answer: Answer): Promise<AnswerResult> {
  for (;;) {
    const step = await answer.next();
    if (step.done) return step.value;
  }
}

async function* replay(early: AnswerEvent[], answer: Answer, result: AnswerResult | undefined): Answer {
  for (const event of early) yield event;
  return result ?? (yield* answer);
}
