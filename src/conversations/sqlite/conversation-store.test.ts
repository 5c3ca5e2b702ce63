import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { openDatabase } from '../../stores/sqlite/database.js';
import type { StoredAnswer } from '../types.js';
import { SqliteConversationStore } from './conversation-store.js';

const ANSWER: StoredAnswer = {
  mode: 'generated',
  citations: [{ n: 1, source: 'wiki', uri: 'ops/nginx.md', title: 'Nginx', lines: { start: 3, end: 9 } }],
  sources: [
    { n: 1, source: 'wiki', uri: 'ops/nginx.md', title: 'Nginx', text: 'Certificates live in /etc/ssl.' },
  ],
  query: 'где лежат сертификаты nginx',
  language: 'ru',
  latencyMs: 1200,
};

describe('SQLite conversation store', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  let time = Date.parse('2030-03-01T10:00:00.000Z');
  const conversations = new SqliteConversationStore(database, { now: () => new Date(time) });
  let owner = 0;
  let stranger = 0;
  beforeAll(() => {
    // Users come from the accounts area; rows are enough here (the password hash is not read).
    const insert = database.prepare(
      "INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES (?, ?, 'user', 'x', '')",
    );
    owner = Number(insert.run('olga', 'Olga').lastInsertRowid);
    stranger = Number(insert.run('sergey', 'Sergey').lastInsertRowid);
  });
  afterAll(() => {
    database.close();
    work.cleanup();
  });

  it('creates conversations with random UUIDs and lists them newest first', () => {
    const first = conversations.create(owner, 'Nginx TLS');
    time += 1000;
    conversations.create(owner, 'Отпуск');
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first).toEqual({
      id: first.id,
      title: 'Nginx TLS',
      createdAt: '2030-03-01T10:00:00.000Z',
      updatedAt: '2030-03-01T10:00:00.000Z',
    });
    expect(conversations.list(owner).map((item) => item.title)).toEqual(['Отпуск', 'Nginx TLS']);
    expect(conversations.list(stranger)).toEqual([]);
  });

  it('stores a question and its answer together, answer JSON intact, and bumps updatedAt', () => {
    const [, nginx] = conversations.list(owner);
    const id = nginx?.id ?? '';
    time += 60_000;
    const stored = conversations.addExchange(owner, id, 'Где лежат сертификаты?', {
      content: 'В /etc/ssl [1].',
      answer: ANSWER,
    });
    expect(stored?.question).toEqual({
      id: expect.any(Number),
      role: 'user',
      content: 'Где лежат сертификаты?',
      createdAt: new Date(time).toISOString(),
    });
    expect(stored?.answer).toMatchObject({ role: 'assistant', content: 'В /etc/ssl [1].', answer: ANSWER });
    const conversation = conversations.get(owner, id);
    expect(conversation?.updatedAt).toBe(new Date(time).toISOString());
    expect(conversation?.messages).toEqual([stored?.question, stored?.answer]);
    expect(conversations.list(owner)[0]?.id).toBe(id);
  });

  it('searches titles and message text, ignoring case in any script, with wildcards taken literally', () => {
    const titles = (query: string) => conversations.list(owner, query).map((item) => item.title);
    expect(titles('nginx')).toEqual(['Nginx TLS']);
    expect(titles('СЕРТИФИКАТЫ')).toEqual(['Nginx TLS']);
    expect(titles('отпуск')).toEqual(['Отпуск']);
    expect(titles('  ')).toHaveLength(2);
    expect(titles('%')).toEqual([]);
    expect(titles('_')).toEqual([]);
    expect(conversations.list(stranger, 'nginx')).toEqual([]);
  });

  it('caps the listing at 200', () => {
    const many = database.prepare(
      'INSERT INTO conversations (id, user_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (let number = 0; number < 205; number++) many.run(`bulk-${number}`, stranger, 'bulk', '2020', '2020');
    expect(conversations.list(stranger)).toHaveLength(200);
    database.prepare('DELETE FROM conversations WHERE user_id = ?').run(stranger);
  });

  it('regenerates by removing the last question and answer', () => {
    const conversation = conversations.create(owner, 'Regenerate');
    conversations.addExchange(owner, conversation.id, 'first question', {
      content: 'first answer',
      answer: ANSWER,
    });
    conversations.addExchange(owner, conversation.id, 'second question', {
      content: 'second',
      answer: ANSWER,
    });
    expect(conversations.removeLastExchange(stranger, conversation.id)).toBeUndefined();
    expect(conversations.removeLastExchange(owner, conversation.id)).toEqual({ question: 'second question' });
    expect(conversations.get(owner, conversation.id)?.messages.map((message) => message.content)).toEqual([
      'first question',
      'first answer',
    ]);
    expect(conversations.removeLastExchange(owner, conversation.id)).toEqual({ question: 'first question' });
    expect(conversations.removeLastExchange(owner, conversation.id)).toBeUndefined();
  });

  it('treats another user’s conversation exactly like one that does not exist', () => {
    const conversation = conversations.create(owner, 'Private');
    const stored = conversations.addExchange(owner, conversation.id, 'q?', { content: 'a', answer: ANSWER });
    const answerId = stored?.answer.id ?? 0;
    for (const id of [conversation.id, 'no-such-id']) {
      expect(conversations.get(stranger, id)).toBeUndefined();
      expect(conversations.rename(stranger, id, 'Mine now')).toBeUndefined();
      expect(conversations.addExchange(stranger, id, 'q', { content: 'a', answer: ANSWER })).toBeUndefined();
      expect(conversations.removeLastExchange(stranger, id)).toBeUndefined();
      expect(conversations.delete(stranger, id)).toBe(false);
    }
    expect(conversations.setFeedback(stranger, answerId, { rating: 'down', comment: null })).toBe(false);
    expect(conversations.setFeedback(stranger, 999_999, { rating: 'down', comment: null })).toBe(false);
    expect(conversations.get(owner, conversation.id)).toMatchObject({ title: 'Private' });
    expect(conversations.get(owner, conversation.id)?.messages).toHaveLength(2);
  });

  it('renames without counting it as activity, and deletes with messages', () => {
    const conversation = conversations.create(owner, 'Old title');
    const stored = conversations.addExchange(owner, conversation.id, 'q', { content: 'a', answer: ANSWER });
    const before = conversations.get(owner, conversation.id)?.updatedAt;
    time += 60_000;
    expect(conversations.rename(owner, conversation.id, 'New title')).toMatchObject({
      title: 'New title',
      updatedAt: before,
    });
    conversations.setFeedback(owner, stored?.answer.id ?? 0, { rating: 'up', comment: null });
    expect(conversations.delete(owner, conversation.id)).toBe(true);
    expect(conversations.get(owner, conversation.id)).toBeUndefined();
    expect(
      database
        .prepare('SELECT count(*) FROM messages WHERE conversation_id = ?')
        .pluck()
        .get(conversation.id),
    ).toBe(0);
    expect(
      database.prepare('SELECT count(*) FROM feedback WHERE message_id = ?').pluck().get(stored?.answer.id),
    ).toBe(0);
  });

  it('takes feedback only on the owner’s answers, keeping the latest', () => {
    const conversation = conversations.create(owner, 'Feedback');
    const stored = conversations.addExchange(owner, conversation.id, 'Как настроить VPN?', {
      content: 'Не знаю.',
      answer: { ...ANSWER, mode: 'not_found' },
    });
    const answerId = stored?.answer.id ?? 0;
    expect(conversations.setFeedback(owner, stored?.question.id ?? 0, { rating: 'up', comment: null })).toBe(
      false,
    );
    expect(conversations.setFeedback(owner, answerId, { rating: 'up', comment: null })).toBe(true);
    time += 1000;
    expect(conversations.setFeedback(owner, answerId, { rating: 'down', comment: '  нет ссылки  ' })).toBe(
      true,
    );
    expect(conversations.get(owner, conversation.id)?.messages[1]?.feedback).toEqual({
      rating: 'down',
      comment: 'нет ссылки',
    });
    expect(() =>
      conversations.setFeedback(owner, answerId, { rating: 'meh' as 'up', comment: null }),
    ).toThrow(expect.objectContaining({ code: 'query_invalid' }));
    const [latest] = conversations.listFeedback(10);
    expect(latest).toEqual({
      messageId: answerId,
      conversationId: conversation.id,
      user: 'olga',
      rating: 'down',
      comment: 'нет ссылки',
      question: 'Как настроить VPN?',
      answer: 'Не знаю.',
      createdAt: new Date(time).toISOString(),
    });
    expect(conversations.listFeedback(0)).toEqual([]);
  });

  it('deletes a user’s conversations with the user', () => {
    const other = Number(
      database
        .prepare(
          "INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES ('gone', 'Gone', 'user', 'x', '')",
        )
        .run().lastInsertRowid,
    );
    const conversation = conversations.create(other, 'Soon gone');
    conversations.addExchange(other, conversation.id, 'q', { content: 'a', answer: ANSWER });
    database.prepare('DELETE FROM users WHERE id = ?').run(other);
    expect(
      database.prepare('SELECT count(*) FROM conversations WHERE id = ?').pluck().get(conversation.id),
    ).toBe(0);
  });
});
