import type { LineRange, Principal } from '../domain/types.js';
import type { Language } from '../i18n/index.js';

/** A turn of the conversation before the current question. */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskRequest {
  question: string;
  /** Earlier turns, oldest first; a follow-up is rewritten into a standalone query from them. */
  history?: ConversationTurn[];
  /** The asker's principals; `public` is always added. Retrieval is filtered by them before ranking. */
  principals: Principal[];
  /** Source names to search; all when absent. */
  sources?: string[];
  signal?: AbortSignal;
}

/** A source the answer may cite: numbered as it was given to the model. */
export interface AnswerSource {
  n: number;
  source: string;
  uri: string;
  title: string;
  url?: string;
  lines?: LineRange;
  section?: string;
  /** The passage given to the model (or quoted, in extractive mode). */
  text: string;
}

export interface Citation {
  n: number;
  source: string;
  uri: string;
  url?: string;
  title: string;
  lines?: LineRange;
}

/**
 * How the answer was made: by the language model from the sources; extractive (the best passages
 * quoted, no language model available); or not found (no source was relevant enough).
 */
export type AnswerMode = 'generated' | 'extractive' | 'not_found';

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  sources: AnswerSource[];
  mode: AnswerMode;
  /** The language of the question, which the answer is in. */
  language: Language;
  /** The standalone query that was searched (the question itself unless it was a follow-up). */
  query: string;
  /** Reasoning of a reasoning model, kept apart from the answer; empty otherwise. */
  reasoning: string;
}

/** What `ask` yields while it works, in order; the result is the generator's return value. */
export type AnswerEvent =
  | { type: 'query'; query: string; alternatives: string[] }
  | { type: 'sources'; sources: AnswerSource[] }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'text-delta'; text: string }
  /** Something degraded but the answer goes on (e.g. the model server is down: extractive instead). */
  | { type: 'notice'; code: string; message: { en: string; ru: string } };

export interface AnswerSettings {
  /** Sources put in the prompt at most. */
  maxSources: number;
  /** Candidates retrieved (and reranked, when a reranker is configured) before choosing the sources. */
  candidates: number;
  maxAnswerTokens: number;
  reasoningTokens: number;
  /** Sampling temperature of the answer; DeepSeek's reasoning models loop when greedy (they advise 0.6). */
  temperature: number;
  translateQueries: boolean;
  /** Rewrite follow-ups with the language model (`model`) or by joining them to the previous question (`simple`). */
  followUps: 'model' | 'simple';
  /** Longest question accepted, in characters. */
  maxQuestionLength: number;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = {
  maxSources: 6,
  candidates: 20,
  maxAnswerTokens: 768,
  reasoningTokens: 1024,
  temperature: 0.6,
  translateQueries: true,
  followUps: 'model',
  maxQuestionLength: 4000,
};
