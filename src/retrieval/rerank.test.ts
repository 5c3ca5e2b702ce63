import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../test-support/files.js';
import { ScriptedReranker } from '../../test-support/scripted-models.js';
import { createTestSpravka, runSync } from '../../test-support/spravka.js';
import { writeTinyRerankerGguf } from '../../test-support/tiny-gguf.js';
import type { Spravka } from '../app.js';
import { rerankResults } from './rerank.js';
import type { SearchResult } from './types.js';

const result = (uri: string, text: string, rank: number): SearchResult => ({
  rank,
  score: 1 / rank,
  source: 's',
  uri,
  title: uri,
  text,
  kind: 'prose',
});

describe('rerankResults', () => {
  it('reorders the head by the cross-encoder and keeps the tail after it, renumbering ranks', async () => {
    const results = ['alpha', 'beta', 'gamma', 'delta'].map((word, position) =>
      result(`${word}.md`, word, position + 1),
    );
    const reranker = new ScriptedReranker((_query, document) =>
      document.includes('gamma') ? 0.9 : document.includes('beta') ? 0.5 : 0.1,
    );
    const reranked = await rerankResults('q', results, reranker, { depth: 3 });
    expect(reranked.map((item) => item.result.uri)).toEqual(['gamma.md', 'beta.md', 'alpha.md', 'delta.md']);
    expect(reranked.map((item) => item.result.rank)).toEqual([1, 2, 3, 4]);
    expect(reranked.map((item) => item.score)).toEqual([0.9, 0.5, 0.1, undefined]);
    expect(reranker.calls[0]?.documents).toHaveLength(3);
  });
});

describe('search --rerank with a real GGUF cross-encoder', () => {
  const work = temporaryDirectory();
  let spravka: Spravka;
  let cleanup: () => void;

  beforeAll(async () => {
    const model = join(work.path, 'reranker.gguf');
    writeTinyRerankerGguf(model, { seed: 3 });
    writeTree(
      join(work.path, 'docs'),
      Object.fromEntries(
        Array.from({ length: 8 }, (_, index) => [
          `page-${index}.md`,
          `# Page ${index}\n\nThe server configuration topic number ${index} ${'word '.repeat(index)}\n`,
        ]),
      ),
    );
    ({ spravka, cleanup } = await createTestSpravka({
      SPRAVKA_RERANKER: `llama:${model}`,
      SPRAVKA_THREADS: '1',
    }));
    spravka.addSource('docs', 'folder', { path: join(work.path, 'docs') }, ['public']);
    await runSync(spravka);
  });

  afterAll(() => {
    cleanup();
    work.cleanup();
  });

  it('orders results by the reranker’s scores', async () => {
    const plain = await spravka.search({ query: 'server configuration', k: 8, principals: [] });
    const reranked = await spravka.search({
      query: 'server configuration',
      k: 8,
      principals: [],
      rerank: true,
    });
    expect(new Set(reranked.map((item) => item.uri))).toEqual(new Set(plain.map((item) => item.uri)));
    const reranker = await spravka.reranker();
    const scores = await reranker?.rerank(
      'server configuration',
      reranked.map((item) => `${item.title}\n${item.section ?? ''}\n${item.text}`),
    );
    expect(scores).toEqual([...(scores ?? [])].sort((left, right) => right - left));
    expect(reranked.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
