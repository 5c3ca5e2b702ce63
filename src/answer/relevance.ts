import type { SearchResult } from '../retrieval/index.js';
import { analyze, analyzeQuery } from '../text/analyze.js';

/**
 * Whether retrieval found anything that could answer, without a reranker: the share of the query's
 * terms (stems, stop words dropped) that the best passage contains — in its text, title, section or path.
 * Retrieval always returns *something*; this is what lets the assistant say "I don't know" instead of
 * answering from the least bad page. With several phrasings (a translation), the best one counts.
 */
export function termCoverage(queries: string[], result: SearchResult): number {
  const present = new Set(analyze(`${result.title} ${result.section ?? ''} ${result.uri} ${result.text}`));
  let best = 0;
  for (const query of queries) {
    const terms = analyzeQuery(query);
    if (terms.length === 0) continue;
    const found = terms.filter((term) => present.has(term)).length;
    best = Math.max(best, found / terms.length);
  }
  return best;
}

/** Coverage needed: at least half of the query terms. */
export const MIN_TERM_COVERAGE = 0.5;

/** Reranker score needed (a cross-encoder's probability that the passage answers the query). */
export const MIN_RERANK_SCORE = 0.05;

export function bestCoverage(queries: string[], results: SearchResult[], depth = 3): number {
  return Math.max(0, ...results.slice(0, depth).map((result) => termCoverage(queries, result)));
}
