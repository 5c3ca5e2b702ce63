import { SpravkaError, toSpravkaError } from '../errors/index.js';
import { type LocalizedText, text } from '../i18n/index.js';
import type { LanguageModel } from '../llm/index.js';
import type { Reranker } from '../reranking/index.js';
import { rerankResults, type SearchRequest, type SearchResult } from '../retrieval/index.js';
import { CitationFilter, extractCitations } from './citations.js';
import { bestPassage, quotePassage } from './extractive.js';
import { detectLanguage, otherLanguage } from './language.js';
import { EXTRACTIVE_LABEL, NOT_FOUND, say } from './messages.js';
import { packPrompt, toAnswerSource } from './prompt.js';
import { bestCoverage, MIN_RERANK_SCORE, MIN_TERM_COVERAGE } from './relevance.js';
import { fallbackStandaloneQuery, looksLikeFollowUp, rewriteWithModel } from './standalone-query.js';
import { translateQuery } from './translate.js';
import type { AnswerEvent, AnswerResult, AnswerSettings, AnswerSource, AskRequest } from './types.js';

export interface AnswerDependencies {
  /** ACL-filtered hybrid retrieval. */
  search(request: SearchRequest): Promise<SearchResult[]>;
  /** The language model, loaded on first use; undefined when none is configured. */
  languageModel(): Promise<LanguageModel | undefined>;
  reranker(): Promise<Reranker | undefined>;
  settings: AnswerSettings;
}

type Step<T> = AsyncGenerator<AnswerEvent, T>;

/**
 * Answers a question from the documents the asker may read: standalone query (follow-ups rewritten),
 * translation to the other language, ACL-filtered hybrid retrieval of both, reranking, a relevance gate
 * ("I don't know" rather than an answer from the least bad page), a prompt packed to the model's context,
 * the streamed answer with citations checked against the sources. Without a language model, or when it
 * fails before saying anything, the answer is extractive: the best passages, quoted and labelled so.
 */
export async function* ask(request: AskRequest, dependencies: AnswerDependencies): Step<AnswerResult> {
  const { settings } = dependencies;
  const question = validateQuestion(request.question, settings.maxQuestionLength);
  const language = detectLanguage(question);
  const { signal } = request;
  try {
    const model = yield* loadModel(dependencies);
    const query = yield* standaloneQuery(
      question,
      request,
      settings.followUps === 'model' ? model : undefined,
    );
    const alternatives =
      model && settings.translateQueries ? yield* translation(query, model, signal) : ([] as string[]);
    yield { type: 'query', query, alternatives };

    const found = await dependencies.search({
      query,
      alternativeQueries: alternatives,
      k: settings.candidates,
      principals: request.principals,
      ...(request.sources ? { sources: request.sources } : {}),
    });
    const { results, relevant } = yield* rank(query, alternatives, found, dependencies, signal);
    const base = { language, query, reasoning: '' };
    if (!relevant) {
      const sources = results.slice(0, 3).map((result, position) => toAnswerSource(result, position + 1));
      const answer = say(NOT_FOUND, language);
      yield { type: 'sources', sources };
      yield { type: 'text-delta', text: answer };
      return { ...base, answer, citations: [], sources, mode: 'not_found' };
    }
    if (model) {
      const generated = yield* generate(question, query, results, language, model, settings, signal);
      if (generated) return { ...base, ...generated };
    }
    return { ...base, ...(yield* extractive([query, ...alternatives], results, language)) };
  } catch (error) {
    if (signal?.aborted) throw cancelled(signal.reason);
    throw error;
  }
}

function validateQuestion(value: string, maxLength: number): string {
  const question = value.replaceAll('\u0000', '').trim();
  if (!question) {
    throw new SpravkaError('query_invalid', text('The question is empty.', 'Пустой вопрос.'), {
      hint: text('Type what you want to know.', 'Напишите, что вы хотите узнать.'),
    });
  }
  if (question.length > maxLength) {
    throw new SpravkaError(
      'query_invalid',
      text(
        `The question is too long: ${question.length} characters, the limit is ${maxLength}.`,
        `Вопрос слишком длинный: ${question.length} символов, предел — ${maxLength}.`,
      ),
      {
        hint: text(
          'Ask a shorter question; paste only the relevant part of a log or file.',
          'Задайте вопрос короче; вставьте только нужную часть журнала или файла.',
        ),
      },
    );
  }
  return question;
}

function notice(code: string, message: LocalizedText, error?: unknown): AnswerEvent {
  const detail = error === undefined ? undefined : toSpravkaError(error).text;
  return {
    type: 'notice',
    code,
    message: detail ? text(`${message.en} (${detail.en})`, `${message.ru} (${detail.ru})`) : message,
  };
}

async function* loadModel(dependencies: AnswerDependencies): Step<LanguageModel | undefined> {
  try {
    return await dependencies.languageModel();
  } catch (error) {
    yield notice(
      'llm_unavailable',
      text(
        'The language model could not be loaded; the answer is extractive',
        'Языковую модель не удалось загрузить; ответ составлен из фрагментов',
      ),
      error,
    );
    return undefined;
  }
}

async function* standaloneQuery(
  question: string,
  request: AskRequest,
  model: LanguageModel | undefined,
): Step<string> {
  const history = request.history ?? [];
  if (history.length === 0 || !looksLikeFollowUp(question)) return question;
  if (model) {
    try {
      const rewritten = await rewriteWithModel(question, history, model, request.signal);
      if (rewritten) return rewritten;
    } catch (error) {
      if (request.signal?.aborted) throw error;
      yield notice(
        'rewrite_failed',
        text(
          'The follow-up question could not be rewritten by the model; it is searched with the previous question',
          'Модель не смогла переформулировать уточняющий вопрос; он ищется вместе с предыдущим вопросом',
        ),
        error,
      );
    }
  }
  return fallbackStandaloneQuery(question, history);
}

async function* translation(query: string, model: LanguageModel, signal?: AbortSignal): Step<string[]> {
  try {
    const translated = await translateQuery(query, otherLanguage(detectLanguage(query)), model, signal);
    return translated ? [translated] : [];
  } catch (error) {
    if (signal?.aborted) throw error;
    yield notice(
      'translation_failed',
      text(
        'The query could not be translated; documents in the other language may be missed',
        'Запрос не удалось перевести; документы на другом языке могут быть пропущены',
      ),
      error,
    );
    return [];
  }
}

/** Reorders by the reranker when there is one, and decides whether anything is relevant enough. */
async function* rank(
  query: string,
  alternatives: string[],
  results: SearchResult[],
  dependencies: AnswerDependencies,
  signal?: AbortSignal,
): Step<{ results: SearchResult[]; relevant: boolean }> {
  if (results.length === 0) return { results, relevant: false };
  try {
    const reranker = await dependencies.reranker();
    if (reranker) {
      const reordered = await rerankResults(query, results, reranker, signal ? { signal } : {});
      return {
        results: reordered.map((item) => item.result),
        relevant: (reordered[0]?.score ?? 0) >= MIN_RERANK_SCORE,
      };
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    yield notice(
      'reranker_failed',
      text(
        'The reranker failed; results are in retrieval order',
        'Реранкер не сработал; результаты в порядке поиска',
      ),
      error,
    );
  }
  return { results, relevant: bestCoverage([query, ...alternatives], results) >= MIN_TERM_COVERAGE };
}

type Answered = Pick<AnswerResult, 'answer' | 'citations' | 'sources' | 'mode' | 'reasoning'>;

/** The model's answer, or undefined when it failed before saying anything (the caller goes extractive). */
async function* generate(
  question: string,
  query: string,
  results: SearchResult[],
  language: 'en' | 'ru',
  model: LanguageModel,
  settings: AnswerSettings,
  signal?: AbortSignal,
): Step<Answered | undefined> {
  const packed = await packPrompt(question, query, results, language, model, {
    maxSources: settings.maxSources,
    maxAnswerTokens: settings.maxAnswerTokens,
    reasoningTokens: settings.reasoningTokens,
  });
  if (packed.sources.length === 0 || packed.answerTokens < 16) {
    yield notice(
      'context_too_small',
      text(
        "The model's context is too small for any source; the answer is extractive (raise SPRAVKA_LLM_CONTEXT)",
        'Контекст модели слишком мал даже для одного источника; ответ составлен из фрагментов (увеличьте SPRAVKA_LLM_CONTEXT)',
      ),
    );
    return undefined;
  }
  yield { type: 'sources', sources: packed.sources };
  const filter = new CitationFilter(packed.sources.length);
  let answer = '';
  let reasoning = '';
  try {
    for await (const part of model.generate({
      messages: packed.messages,
      maxTokens: packed.answerTokens,
      temperature: settings.temperature,
      // What is left of the context after the prompt and the answer (servers count both against one limit).
      reasoningBudget: Math.max(
        0,
        Math.min(settings.reasoningTokens, model.contextSize - packed.promptTokens - packed.answerTokens),
      ),
      ...(signal ? { signal } : {}),
    })) {
      if (part.type === 'text-delta') {
        const passed = filter.push(part.text);
        answer += passed;
        if (passed) yield { type: 'text-delta', text: passed };
      } else if (part.type === 'reasoning-delta') {
        reasoning += part.text;
        yield { type: 'reasoning-delta', text: part.text };
      }
    }
  } catch (error) {
    if (signal?.aborted || answer.trim()) throw error;
    yield notice(
      'llm_failed',
      text(
        'The language model failed; the answer is extractive',
        'Языковая модель не ответила; ответ составлен из фрагментов',
      ),
      error,
    );
    return undefined;
  }
  const rest = filter.flush();
  if (rest) yield { type: 'text-delta', text: rest };
  answer = (answer + rest).trim();
  if (!answer) {
    yield notice(
      'llm_empty',
      text(
        'The language model gave no answer (only reasoning); the answer is extractive',
        'Языковая модель не дала ответа (только рассуждения); ответ составлен из фрагментов',
      ),
    );
    return undefined;
  }
  return {
    answer,
    citations: extractCitations(answer, packed.sources),
    sources: packed.sources,
    mode: 'generated',
    reasoning,
  };
}

async function* extractive(
  queries: string[],
  results: SearchResult[],
  language: 'en' | 'ru',
): Step<Answered> {
  const sources: AnswerSource[] = [];
  const quotes: string[] = [];
  for (const result of results.slice(0, 3)) {
    const passage = bestPassage(queries, result);
    if (!passage.text) continue;
    const source = { ...toAnswerSource(result, sources.length + 1), text: passage.text };
    sources.push(source);
    quotes.push(quotePassage(passage, source.n, source.title));
  }
  const answer = [say(EXTRACTIVE_LABEL, language), ...quotes].join('\n\n');
  yield { type: 'sources', sources };
  yield { type: 'text-delta', text: answer };
  return { answer, citations: extractCitations(answer, sources), sources, mode: 'extractive', reasoning: '' };
}

function cancelled(reason: unknown): SpravkaError {
  return new SpravkaError('cancelled', text('The question was cancelled.', 'Вопрос отменён.'), {
    cause: reason,
  });
}
