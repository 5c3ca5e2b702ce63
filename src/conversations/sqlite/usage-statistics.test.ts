import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../test-support/files.js';
import { openDatabase } from '../../stores/sqlite/database.js';
import type { StoredAnswer } from '../types.js';
import { SqliteConversationStore } from './conversation-store.js';

const DAY = 24 * 60 * 60 * 1000;

function answer(mode: StoredAnswer['mode'], latencyMs: number): { content: string; answer: StoredAnswer } {
  return {
    content: 'answer',
    answer: { mode, citations: [], sources: [], query: 'q', language: 'en', latencyMs },
  };
}

describe('usage statistics', () => {
  const work = temporaryDirectory();
  const database = openDatabase(join(work.path, 'spravka.db'));
  const today = Date.parse('2030-03-31T15:00:00.000Z');
  let time = today;
  const conversations = new SqliteConversationStore(database, { now: () => new Date(time) });
  const userId = Number(
    database
      .prepare(
        "INSERT INTO users (name, display_name, role, password_hash, created_at) VALUES ('olga', 'Olga', 'user', 'x', '')",
      )
      .run().lastInsertRowid,
  );
  afterAll(() => {
    database.close();
    work.cleanup();
  });

  it('is empty for a fresh database, with 30 days of zeros', () => {
    const statistics = conversations.statistics();
    expect(statistics.questionsPerDay).toHaveLength(30);
    expect(statistics.questionsPerDay[0]).toEqual({ day: '2030-03-02', questions: 0 });
    expect(statistics.questionsPerDay[29]).toEqual({ day: '2030-03-31', questions: 0 });
    expect(statistics).toMatchObject({ unanswered: 0, medianLatencyMs: null, feedback: { up: 0, down: 0 } });
  });

  it('counts questions per UTC day, unanswered questions, median latency and feedback in the window', () => {
    const conversation = conversations.create(userId, 'stats');
    const ask = (daysAgo: number, mode: StoredAnswer['mode'], latencyMs: number) => {
      time = today - daysAgo * DAY;
      return conversations.addExchange(userId, conversation.id, 'q', answer(mode, latencyMs));
    };
    ask(40, 'not_found', 99_000); // outside the window: counted nowhere
    ask(29, 'generated', 1000);
    ask(2, 'not_found', 3000);
    ask(2, 'extractive', 2000);
    const latest = ask(0, 'generated', 4000);
    time = today;
    conversations.setFeedback(userId, latest?.answer.id ?? 0, { rating: 'up', comment: null });
    const statistics = conversations.statistics();
    const perDay = Object.fromEntries(statistics.questionsPerDay.map((item) => [item.day, item.questions]));
    expect(perDay).toMatchObject({ '2030-03-02': 1, '2030-03-29': 2, '2030-03-31': 1, '2030-03-30': 0 });
    expect(statistics.questionsPerDay.reduce((sum, item) => sum + item.questions, 0)).toBe(4);
    expect(statistics.unanswered).toBe(1);
    expect(statistics.medianLatencyMs).toBe(2500);
    expect(statistics.feedback).toEqual({ up: 1, down: 0 });
    ask(1, 'generated', 10_000);
    expect(conversations.statistics().medianLatencyMs).toBe(3000);
  });
});
