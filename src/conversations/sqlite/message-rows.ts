import type { Feedback, Message, StoredAnswer } from '../types.js';

export interface MessageRow {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  answer: string | null;
  created_at: string;
  rating: 'up' | 'down' | null;
  comment: string | null;
}

/** A conversation's messages, oldest first, with the feedback given to answers. */
export const SELECT_MESSAGES = `
  SELECT messages.id, messages.role, messages.content, messages.answer, messages.created_at,
    feedback.rating, feedback.comment
  FROM messages LEFT JOIN feedback ON feedback.message_id = messages.id
  WHERE messages.conversation_id = ?
  ORDER BY messages.id`;

export function toMessage(row: MessageRow): Message {
  const message: Message = { id: row.id, role: row.role, content: row.content, createdAt: row.created_at };
  // Written by addExchange from a StoredAnswer; the database is ours, so it is not re-validated.
  if (row.answer !== null) message.answer = JSON.parse(row.answer) as StoredAnswer;
  if (row.rating !== null) message.feedback = { rating: row.rating, comment: row.comment } satisfies Feedback;
  return message;
}
