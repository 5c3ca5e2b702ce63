import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnswerEvent, type AnswerResult, ask, DEFAULT_ANSWER_SETTINGS } from '../answer/index.js';
import type { Spravka } from '../app.js';
import { readQuestions } from '../eval/index.js';
import { LlamaRuntime } from '../llama/index.js';
import type { GenerationRequest, LanguageModel } from '../llm/index.js';
import { LlamaChatModel } from '../llm/llama/index.js';

/**
 * Answer-pipeline figures on the evaluation corpus:
 * - time from the question to the first language-model request (retrieval, follow-up rewriting without
 *   the model, prompt packing with the model's own tokenizer), p50/p95, for standalone questions and
 *   follow-ups — the model is the real tiny GGUF model, stopped at its first request;
 * - time to first token and tokens/s of the tiny model on a real answer prompt;
 * - the relevance gate: the share of answerable dev questions that get an answer (not "I don't know")
 *   and the share of unanswerable questions that get "I don't know".
 */
export async function answerBenchmarks(
  spravka: Spravka,
  options: {
    devQuestions: string;
    unanswerable: string;
    modelPath: string;
    percentile: (values: number[], fraction: number) => number;
  },
): Promise<Record<string, unknown>> {
  const questions = await readQuestions(options.devQuestions);
  const runtime = new LlamaRuntime({ threads: 1 });
  const real = await LlamaChatModel.create({ runtime, path: options.modelPath });
  try {
    const firstRequest = async (
      question: string,
      history: Array<{ role: 'user' | 'assistant'; content: string }>,
    ) => {
      let calledAt = 0;
      const stopAtFirstRequest: LanguageModel = {
        id: real.id,
        contextSize: real.contextSize,
        countTokens: (value) => real.countTokens(value),
        generate: (_request: GenerationRequest) => {
          calledAt = performance.now();
          throw new Error('stopped at the first request');
        },
      };
      const started = performance.now();
      await drain(
        ask(
          { question, history, principals: [] },
          {
            search: (request) => spravka.search(request),
            languageModel: async () => stopAtFirstRequest,
            reranker: async () => undefined,
            // Rewriting and translation without the model: the first request is then the answer's.
            settings: { ...DEFAULT_ANSWER_SETTINGS, translateQueries: false, followUps: 'simple' },
          },
        ),
      );
      return calledAt ? calledAt - started : undefined;
    };
    // Warm-up: caches, the tokenizer, prepared statements.
    for (const question of questions) await firstRequest(question.q, []);
    const standalone: number[] = [];
    const followUps: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [position, question] of questions.entries()) {
        const time = await firstRequest(question.q, []);
        if (time !== undefined) standalone.push(time);
        const previous = questions[(position + 1) % questions.length];
        const history = previous
          ? [
              { role: 'user' as const, content: previous.q },
              { role: 'assistant' as const, content: 'An earlier answer [1].' },
            ]
          : [];
        const followUp = await firstRequest(`${question.q} А где это настраивается?`, history);
        if (followUp !== undefined) followUps.push(followUp);
      }
    }

    // Generation speed of the tiny model on a real packed prompt.
    const prompt = await capturePrompt(spravka, questions[0]?.q ?? 'git', real);
    const firsts: number[] = [];
    const rates: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      let first = 0;
      let tokens = 0;
      for await (const part of real.generate({ messages: prompt, maxTokens: 128, temperature: 0 })) {
        if (part.type === 'text-delta' && !first) first = performance.now();
        if (part.type === 'finish') tokens = part.usage.completionTokens ?? 0;
      }
      const ended = performance.now();
      firsts.push(first - started);
      rates.push(tokens / ((ended - first) / 1000));
    }

    // The relevance gate, lexical retrieval, no model (extractive answers).
    const answered = await gateRate(
      spravka,
      questions.map((question) => question.q),
      'answered',
    );
    const unanswerable = readFileSync(options.unanswerable, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    const refused = await gateRate(spravka, unanswerable, 'refused');
    const { percentile } = options;
    return {
      firstLlmRequest: {
        standaloneP50Ms: percentile(standalone, 0.5),
        standaloneP95Ms: percentile(standalone, 0.95),
        followUpP50Ms: percentile(followUps, 0.5),
        followUpP95Ms: percentile(followUps, 0.95),
        samples: standalone.length + followUps.length,
      },
      tinyModel: {
        promptTokens: (await Promise.all(prompt.map((message) => real.countTokens(message.content)))).reduce(
          (sum, count) => sum + count,
          0,
        ),
        timeToFirstTokenMs: percentile(firsts, 0.5),
        tokensPerSecond: Number(percentile(rates, 0.5).toFixed(0)),
      },
      relevanceGate: {
        answerableAnswered: answered,
        unanswerableRefused: refused,
        unanswerableQuestions: unanswerable.length,
      },
    };
  } finally {
    await real.dispose();
    await runtime.dispose();
  }
}

async function drain(run: AsyncGenerator<AnswerEvent, AnswerResult>): Promise<AnswerResult> {
  let step = await run.next();
  while (!step.done) step = await run.next();
  return step.value;
}

async function capturePrompt(spravka: Spravka, question: string, model: LanguageModel) {
  let captured: GenerationRequest['messages'] = [];
  const capture: LanguageModel = {
    id: model.id,
    contextSize: model.contextSize,
    countTokens: (value) => model.countTokens(value),
    generate: (request) => {
      captured = request.messages;
      throw new Error('captured');
    },
  };
  await drain(
    ask(
      { question, principals: [] },
      {
        search: (request) => spravka.search(request),
        languageModel: async () => capture,
        reranker: async () => undefined,
        settings: { ...DEFAULT_ANSWER_SETTINGS, translateQueries: false },
      },
    ),
  );
  return captured;
}

async function gateRate(
  spravka: Spravka,
  questions: string[],
  want: 'answered' | 'refused',
): Promise<number> {
  let matching = 0;
  for (const question of questions) {
    const result = await drain(
      ask(
        { question, principals: [] },
        {
          search: (request) => spravka.search(request),
          languageModel: async () => undefined,
          reranker: async () => undefined,
          settings: DEFAULT_ANSWER_SETTINGS,
        },
      ),
    );
    if ((result.mode === 'not_found') === (want === 'refused')) matching++;
  }
  return Number((matching / questions.length).toFixed(3));
}

export const UNANSWERABLE_QUESTIONS = (repository: string) => join(repository, 'eval', 'unanswerable.jsonl');
