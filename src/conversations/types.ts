import type { AnswerMode, AnswerSource, Citation } from '../answer/index.js';

/**
 * The conversations contract: each conversation belongs to one user; every read and write names the
 * owner, and another user's ids behave exactly like ids that do not exist.
 */
export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAnswer {
  mode: AnswerMode;
  citations: Citation[];
  sources: AnswerSource[];
  query: string;
  language: 'en' | 'ru';
  latencyMs: number;
}

export interface Feedback {
  rating: 'up' | 'down';
  comment: string | null;
}

export interface Message {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  answer?: StoredAnswer;
  feedback?: Feedback;
}

export interface Conversation extends ConversationSummary {
  messages: Message[];
}

export interface FeedbackEntry extends Feedback {
  messageId: number;
  conversationId: string;
  user: string;
  question: string;
  answer: string;
  createdAt: string;
}

export interface UsageStatistics {
  /** Questions asked per day (UTC), the last 30 days, oldest first. */
  questionsPerDay: Array<{ day: string; questions: number }>;
  /** Questions answered "I don't know", the last 30 days. */
  unanswered: number;
  medianLatencyMs: number | null;
  feedback: { up: number; down: number };
}

export interface ConversationStore {
  create(userId: number, title: string): ConversationSummary;
  /** Newest first; `query` matches titles and message text. */
  list(userId: number, query?: string): ConversationSummary[];
  get(userId: number, id: string): Conversation | undefined;
  rename(userId: number, id: string, title: string): ConversationSummary | undefined;
  delete(userId: number, id: string): boolean;
  /** Appends a question and its answer together (an answer that failed stores nothing). */
  addExchange(
    userId: number,
    conversationId: string,
    question: string,
    answer: { content: string; answer: StoredAnswer },
  ): { question: Message; answer: Message } | undefined;
  /** Removes the last answer (and its question) of a conversation, to regenerate it. */
  removeLastExchange(userId: number, conversationId: string): { question: string } | undefined;
  setFeedback(userId: number, messageId: number, feedback: Feedback): boolean;
  listFeedback(limit: number): FeedbackEntry[];
  statistics(): UsageStatistics;
}
