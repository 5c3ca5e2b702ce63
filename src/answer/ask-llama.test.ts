import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_LLAMA_GGUF, temporaryDirectory, writeTree } from '../../test-support/files.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import type { Spravka } from '../app.js';
import type { AnswerEvent } from './types.js';

const files = temporaryDirectory();
let spravka: Spravka;
let cleanup: () => void;

beforeAll(async () => {
  writeTree(files.path, {
    'story.md':
      '# The little girl\n\nOnce upon a time there was a little girl named Lily. She loved to play in the park with her dog.\n',
  });
  ({ spravka, cleanup } = await createTestSpravka({
    SPRAVKA_LLM: `llama:${TINY_LLAMA_GGUF}`,
    SPRAVKA_THREADS: '1',
    SPRAVKA_TEMPERATURE: '0',
    SPRAVKA_ANSWER_TOKENS: '40',
  }));
  spravka.addSource('stories', 'folder', { path: files.path }, ['public']);
  await runSync(spravka);
});

afterAll(() => {
  cleanup();
  files.cleanup();
});

describe('ask with a real in-process GGUF model', () => {
  // stories260K writes children's stories, not answers: this proves the real path end to end —
  // loading, translation and the answer generated with the model's template, budgets counted with its
  // tokenizer, tokens streamed — not answer quality.
  it('streams a generated answer from packed sources, with the query translated by the model first', async () => {
    const events: AnswerEvent[] = [];
    const run = spravka.ask({ question: 'Who played in the park with her dog?', principals: [] });
    let step = await run.next();
    while (!step.done) {
      events.push(step.value);
      step = await run.next();
    }
    const result = step.value;
    expect(events.filter((event) => event.type === 'notice')).toEqual([]);
    expect(result.mode).toBe('generated');
    expect(result.sources[0]).toMatchObject({ n: 1, uri: 'story.md' });
    const streamed = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.trim()).toBe(result.answer);
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(3);
    const model = await spravka.languageModel();
    expect(model?.contextSize).toBe(2048);
    // Loaded once and shared: a second question reuses the same model.
    expect(await spravka.languageModel()).toBe(model);
  });

  it('the same question twice gives the same answer (greedy), and the model serves questions in turn', async () => {
    const answer = async () => {
      const run = spravka.ask({ question: 'Who played in the park?', principals: [] });
      let step = await run.next();
      while (!step.done) step = await run.next();
      return step.value.answer;
    };
    const [first, second] = await Promise.all([answer(), answer()]);
    expect(second).toBe(first);
  });
});
