import type { Reranker } from '../reranking/index.js';
import type { SearchResult } from './types.js';

/** Candidates a cross-encoder reads: it is slow, so only the head of the fused list. */
export const RERANK_DEPTH = 20;

/**
 * Reorders the first `depth` results by a cross-encoder's score of (query, title + section + passage);
 * the rest keep their order after them. Returns the results with their scores (undefined past the depth).
 */
export async function rerankResults(
  query: string,
  results: SearchResult[],
  reranker: Reranker,
  options: { depth?: number; signal?: AbortSignal } = {},
): Promise<Array<{ result: SearchResult; score: number | undefined }>> {
  const head = results.slice(0, options.depth ?? RERANK_DEPTH);
  const scores = await reranker.rerank(
    query,
    head.map((result) => `${result.title}\n${result.section ?? ''}\n${result.text}`),
    options.signal ? { signal: options.signal } : {},
  );
  const reordered = head
    .map((result, position) => ({ result, score: scores[position] ?? 0 }))
    .sort((left, right) => right.score - left.score);
  return [
    ...reordered,
    ...results.slice(head.length).map((result) => ({ result, score: undefined as number | undefined })),
  ].map(({ result, score }, position) => ({ result: { ...result, rank: position + 1 }, score }));
}
