/**
 * Retrieval metrics over ranked lists of document uris, as pure functions.
 * recall@k: 1 when any gold uri is within the first k results (the question is answerable from the top k).
 * MRR@k: 1 / rank of the first gold uri within the first k, else 0.
 */
export function recallAt(ranked: string[], gold: string[], k: number): number {
  const wanted = new Set(gold);
  return ranked.slice(0, k).some((uri) => wanted.has(uri)) ? 1 : 0;
}

export function reciprocalRankAt(ranked: string[], gold: string[], k: number): number {
  const wanted = new Set(gold);
  const position = ranked.slice(0, k).findIndex((uri) => wanted.has(uri));
  return position < 0 ? 0 : 1 / (position + 1);
}

export interface MetricSummary {
  questions: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
}

export function summarise(rows: Array<{ ranked: string[]; gold: string[] }>): MetricSummary {
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    questions: rows.length,
    recallAt5: round(mean(rows.map((row) => recallAt(row.ranked, row.gold, 5)))),
    recallAt10: round(mean(rows.map((row) => recallAt(row.ranked, row.gold, 10)))),
    mrrAt10: round(mean(rows.map((row) => reciprocalRankAt(row.ranked, row.gold, 10)))),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
