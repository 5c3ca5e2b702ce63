/**
 * Hybrid ranking as pure functions over ranked lists: weighted reciprocal rank fusion, then the best
 * chunk per document. Scores of different engines (bm25, cosine distance) are not comparable; ranks are.
 */
export interface RankedHit {
  chunkId: number;
  documentId: number;
}

export interface RankedList {
  hits: RankedHit[];
  weight: number;
}

export interface FusedHit extends RankedHit {
  score: number;
}

/** The k of RRF: larger flattens the advantage of the very first ranks. */
export const RRF_K = 60;

/** score(chunk) = Σ weight / (k + rank), rank from 1, over the lists the chunk appears in. */
export function reciprocalRankFusion(lists: RankedList[], k = RRF_K): FusedHit[] {
  const fused = new Map<number, FusedHit>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, position) => {
      const contribution = weight / (k + position + 1);
      const existing = fused.get(hit.chunkId);
      if (existing) existing.score += contribution;
      else fused.set(hit.chunkId, { ...hit, score: contribution });
    });
  }
  return [...fused.values()].sort((left, right) => right.score - left.score || left.chunkId - right.chunkId);
}

/**
 * One hit per document, best first. A document's score is its best chunk's plus a small share of the
 * others' (`supportWeight`), so a document that answers in several places edges out a single lucky chunk.
 */
export function bestPerDocument(hits: FusedHit[], supportWeight = 0.1): FusedHit[] {
  const best = new Map<number, FusedHit>();
  const support = new Map<number, number>();
  for (const hit of hits) {
    const current = best.get(hit.documentId);
    if (!current) best.set(hit.documentId, { ...hit });
    else support.set(hit.documentId, (support.get(hit.documentId) ?? 0) + hit.score);
  }
  return [...best.values()]
    .map((hit) => ({ ...hit, score: hit.score + supportWeight * (support.get(hit.documentId) ?? 0) }))
    .sort((left, right) => right.score - left.score || left.chunkId - right.chunkId);
}
