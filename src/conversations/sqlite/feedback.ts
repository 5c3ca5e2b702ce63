import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { Feedback, FeedbackEntry } from '../types.js';
import type { Database } from './database.js';

const MAXIMUM_COMMENT_LENGTH = 2000;
const LARGEST_LISTING = 1000;

interface FeedbackRow {
  message_id: number;
  conversation_id: string;
  user: string;
  rating: 'up' | 'down';
  comment: string | null;
  question: string | null;
  answer: string;
  created_at: string;
}

/** Ratings of answers: one per answer (the latest wins), given only by the conversation's owner. */
export class FeedbackTable {
  constructor(private readonly database: Database) {}

  /** False when the message is not one of the user's answers. */
  set(userId: number, messageId: number, feedback: Feedback, createdAt: string): boolean {
    const rating = validateRating(feedback.rating);
    const comment = normalizeComment(feedback.comment);
    const owned = this.database
      .prepare(
        `SELECT 1 FROM messages JOIN conversations ON conversations.id = messages.conversation_id
         WHERE messages.id = ? AND messages.role = 'assistant' AND conversations.user_id = ?`,
      )
      .get(messageId, userId);
    if (!owned) return false;
    this.database
      .prepare(
        `INSERT INTO feedback (message_id, user_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (message_id) DO UPDATE SET
           rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at`,
      )
      .run(messageId, userId, rating, comment, createdAt);
    return true;
  }

  /** The latest feedback first, each with the answer, the question before it and the user's name. */
  list(limit: number): FeedbackEntry[] {
    const count = Math.max(0, Math.min(Math.floor(limit), LARGEST_LISTING));
    const rows = this.database
      .prepare(
        `SELECT feedback.message_id, answers.conversation_id, users.name AS user, feedback.rating,
           feedback.comment, answers.content AS answer, feedback.created_at,
           (SELECT questions.content FROM messages AS questions
            WHERE questions.conversation_id = answers.conversation_id AND questions.id < answers.id
              AND questions.role = 'user'
            ORDER BY questions.id DESC LIMIT 1) AS question
         FROM feedback
         JOIN messages AS answers ON answers.id = feedback.message_id
         JOIN users ON users.id = feedback.user_id
         ORDER BY feedback.created_at DESC, feedback.message_id DESC
         LIMIT ?`,
      )
      .all(count) as FeedbackRow[];
    return rows.map((row) => ({
      messageId: row.message_id,
      conversationId: row.conversation_id,
      user: row.user,
      rating: row.rating,
      comment: row.comment,
      question: row.question ?? '',
      answer: row.answer,
      createdAt: row.created_at,
    }));
  }
}

function validateRating(rating: string): 'up' | 'down' {
  if (rating === 'up' || rating === 'down') return rating;
  throw new SpravkaError(
    'query_invalid',
    text(`Unknown rating "${rating}".`, `Неизвестная оценка «${rating}».`),
    { hint: text('Rate an answer "up" or "down".', 'Оцените ответ как «up» или «down».') },
  );
}

function normalizeComment(comment: string | null): string | null {
  const trimmed = comment?.trim() ?? '';
  if (trimmed.length > MAXIMUM_COMMENT_LENGTH) {
    throw new SpravkaError(
      'query_invalid',
      text(
        `The comment is too long: at most ${MAXIMUM_COMMENT_LENGTH} characters.`,
        `Комментарий слишком длинный: не больше ${MAXIMUM_COMMENT_LENGTH} символов.`,
      ),
    );
  }
  return trimmed || null;
}
