import { describe, expect, it } from 'vitest';
import { bestPerDocument, reciprocalRankFusion } from './fusion.js';

const hit = (chunkId: number, documentId: number) => ({ chunkId, documentId });

describe('reciprocalRankFusion', () => {
  it('rewards chunks found by both engines over chunks found by one', () => {
    const fused = reciprocalRankFusion([
      { hits: [hit(1, 1), hit(2, 2), hit(3, 3)], weight: 1 },
      { hits: [hit(3, 3), hit(4, 4)], weight: 1 },
    ]);
    expect(fused[0]?.chunkId).toBe(3);
    expect(fused[0]?.score).toBeCloseTo(1 / 63 + 1 / 61);
    expect(fused.map((item) => item.chunkId)).toEqual([3, 1, 2, 4]);
  });

  it('applies list weights', () => {
    const fused = reciprocalRankFusion([
      { hits: [hit(1, 1)], weight: 0.5 },
      { hits: [hit(2, 2)], weight: 2 },
    ]);
    expect(fused.map((item) => item.chunkId)).toEqual([2, 1]);
  });

  it('returns nothing for no lists', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

describe('bestPerDocument', () => {
  it('keeps one hit per document with a bonus for supporting chunks', () => {
    const ranked = bestPerDocument([
      { chunkId: 1, documentId: 10, score: 0.5 },
      { chunkId: 2, documentId: 20, score: 0.49 },
      { chunkId: 3, documentId: 20, score: 0.3 },
      { chunkId: 4, documentId: 10, score: 0.01 },
    ]);
    expect(ranked.map((item) => [item.documentId, item.chunkId])).toEqual([
      [20, 2],
      [10, 1],
    ]);
    expect(ranked[0]?.score).toBeCloseTo(0.49 + 0.03);
  });
});
