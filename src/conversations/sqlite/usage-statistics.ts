import type { UsageStatistics } from '../types.js';
import type { Database } from './database.js';

/** Every figure covers the same window: today (UTC) and the 29 days before it. */
export const STATISTICS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Questions per day, "I don't know" answers, median answer latency and feedback, over the window. */
export function usageStatistics(database: Database, now: Date): UsageStatistics {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Array.from({ length: STATISTICS_DAYS }, (_, index) =>
    new Date(today - (STATISTICS_DAYS - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
  const since = `${days[0]}T00:00:00.000Z`;
  const counts = database
    .prepare(
      `SELECT substr(created_at, 1, 10) AS day, count(*) AS questions FROM messages
       WHERE role = 'user' AND created_at >= ? GROUP BY day`,
    )
    .all(since) as Array<{ day: string; questions: number }>;
  const questionsByDay = new Map(counts.map((row) => [row.day, row.questions]));
  const unanswered = database
    .prepare(
      `SELECT count(*) FROM messages
       WHERE role = 'assistant' AND created_at >= ? AND json_extract(answer, '$.mode') = 'not_found'`,
    )
    .pluck()
    .get(since) as number;
  const ratings = database
    .prepare('SELECT rating, count(*) AS count FROM feedback WHERE created_at >= ? GROUP BY rating')
    .all(since) as Array<{ rating: 'up' | 'down'; count: number }>;
  const ratingCount = (rating: 'up' | 'down') => ratings.find((row) => row.rating === rating)?.count ?? 0;
  return {
    questionsPerDay: days.map((day) => ({ day, questions: questionsByDay.get(day) ?? 0 })),
    unanswered,
    medianLatencyMs: medianLatency(database, since),
    feedback: { up: ratingCount('up'), down: ratingCount('down') },
  };
}

/** The median of the stored answers' latencies, read as one or two rows from the sorted middle. */
function medianLatency(database: Database, since: string): number | null {
  const latencies = `SELECT json_extract(answer, '$.latencyMs') AS latency FROM messages
    WHERE role = 'assistant' AND created_at >= ? AND json_type(answer, '$.latencyMs') IN ('integer', 'real')`;
  const count = database.prepare(`SELECT count(*) FROM (${latencies})`).pluck().get(since) as number;
  if (count === 0) return null;
  const middle = database
    .prepare(`${latencies} ORDER BY latency LIMIT ? OFFSET ?`)
    .pluck()
    .all(since, count % 2 === 0 ? 2 : 1, Math.floor((count - 1) / 2)) as number[];
  return middle.reduce((sum, value) => sum + value, 0) / middle.length;
}
