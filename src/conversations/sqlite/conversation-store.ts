import { randomUUID } from 'node:crypto';
import type {
  Conversation,
  ConversationStore,
  ConversationSummary,
  Feedback,
  FeedbackEntry,
  Message,
  StoredAnswer,
  UsageStatistics,
} from '../types.js';
import { type Clock, type Database, systemClock } from './database.js';
import { FeedbackTable } from './feedback.js';
import { type MessageRow, SELECT_MESSAGES, toMessage } from './message-rows.js';
import { FOLD_FUNCTION, foldText, registerFoldFunction } from './text-search.js';
import { usageStatistics } from './usage-statistics.js';

/** The most conversations a listing returns. */
export const LISTING_LIMIT = 200;

interface ConversationRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ConversationStoreOptions {
  /** The clock (tests move it to check timestamps and statistics). */
  now?: Clock;
}

/**
 * Conversations, their messages and feedback in the spravka SQLite database. Every query names the
 * owner, so another user's conversation is indistinguishable from one that does not exist.
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly clock: Clock;
  private readonly feedback: FeedbackTable;

  constructor(
    private readonly database: Database,
    options: ConversationStoreOptions = {},
  ) {
    this.clock = options.now ?? systemClock;
    this.feedback = new FeedbackTable(database);
    registerFoldFunction(database);
  }

  create(userId: number, title: string): ConversationSummary {
    const id = randomUUID();
    const now = this.timestamp();
    this.database
      .prepare(
        'INSERT INTO conversations (id, user_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, userId, title, now, now);
    return { id, title, createdAt: now, updatedAt: now };
  }

  /** Newest first, at most 200; `query` matches titles and messages, ignoring case in every script. */
  list(userId: number, query?: string): ConversationSummary[] {
    const needle = foldText(query?.trim() ?? '');
    const matching = needle
      ? `AND (instr(${FOLD_FUNCTION}(title), @needle) > 0 OR EXISTS (
           SELECT 1 FROM messages WHERE messages.conversation_id = conversations.id
             AND instr(${FOLD_FUNCTION}(messages.content), @needle) > 0))`
      : '';
    const rows = this.database
      .prepare(
        `SELECT id, title, created_at, updated_at FROM conversations WHERE user_id = @userId ${matching}
         ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
      )
      .all({ userId, limit: LISTING_LIMIT, ...(needle ? { needle } : {}) }) as ConversationRow[];
    return rows.map(toSummary);
  }

  get(userId: number, id: string): Conversation | undefined {
    const row = this.owned(userId, id);
    if (!row) return undefined;
    const messages = this.database.prepare(SELECT_MESSAGES).all(id) as MessageRow[];
    return { ...toSummary(row), messages: messages.map(toMessage) };
  }

  /** Renaming does not count as activity: `updatedAt` stays. */
  rename(userId: number, id: string, title: string): ConversationSummary | undefined {
    this.database
      .prepare('UPDATE conversations SET title = ? WHERE id = ? AND user_id = ?')
      .run(title, id, userId);
    const row = this.owned(userId, id);
    return row ? toSummary(row) : undefined;
  }

  /** Removes the conversation with its messages and their feedback. */
  delete(userId: number, id: string): boolean {
    return (
      this.database.prepare('DELETE FROM conversations WHERE id = ? AND user_id = ?').run(id, userId)
        .changes > 0
    );
  }

  addExchange(
    userId: number,
    conversationId: string,
    question: string,
    answer: { content: string; answer: StoredAnswer },
  ): { question: Message; answer: Message } | undefined {
    return this.database.transaction(() => {
      if (!this.owned(userId, conversationId)) return undefined;
      const createdAt = this.timestamp();
      const insert = this.database.prepare(
        'INSERT INTO messages (conversation_id, role, content, answer, created_at) VALUES (?, ?, ?, ?, ?)',
      );
      const questionId = insert.run(conversationId, 'user', question, null, createdAt).lastInsertRowid;
      const answerId = insert.run(
        conversationId,
        'assistant',
        answer.content,
        JSON.stringify(answer.answer),
        createdAt,
      ).lastInsertRowid;
      this.database
        .prepare('UPDATE conversations SET updated_at = ? WHERE id = ?')
        .run(createdAt, conversationId);
      return {
        question: { id: Number(questionId), role: 'user' as const, content: question, createdAt },
        answer: {
          id: Number(answerId),
          role: 'assistant' as const,
          content: answer.content,
          createdAt,
          answer: answer.answer,
        },
      };
    })();
  }

  /** Removes the last answer and its question, when the conversation ends with such a pair. */
  removeLastExchange(userId: number, conversationId: string): { question: string } | undefined {
    return this.database.transaction(() => {
      if (!this.owned(userId, conversationId)) return undefined;
      const [answer, question] = this.database
        .prepare('SELECT id, role, content FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT 2')
        .all(conversationId) as Array<Pick<MessageRow, 'id' | 'role' | 'content'>>;
      if (answer?.role !== 'assistant' || question?.role !== 'user') return undefined;
      this.database.prepare('DELETE FROM messages WHERE id IN (?, ?)').run(answer.id, question.id);
      return { question: question.content };
    })();
  }

  setFeedback(userId: number, messageId: number, feedback: Feedback): boolean {
    return this.feedback.set(userId, messageId, feedback, this.timestamp());
  }

  listFeedback(limit: number): FeedbackEntry[] {
    return this.feedback.list(limit);
  }

  /** Usage over the last 30 days (UTC), all four figures over the same window. */
  statistics(): UsageStatistics {
    return usageStatistics(this.database, this.clock());
  }

  private owned(userId: number, id: string): ConversationRow | undefined {
    return this.database
      .prepare('SELECT id, title, created_at, updated_at FROM conversations WHERE id = ? AND user_id = ?')
      .get(id, userId) as ConversationRow | undefined;
  }

  private timestamp(): string {
    return this.clock().toISOString();
  }
}

function toSummary(row: ConversationRow): ConversationSummary {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}
