import { PUBLIC_PRINCIPAL } from '../domain/types.js';
import type { EmbeddingModel } from '../embedding/types.js';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { Catalog, DocumentIndex, LexicalTerm, SearchFilter } from '../stores/types.js';
import { analyzeQuery } from '../text/analyze.js';
import { bestPerDocument, type RankedList, reciprocalRankFusion } from './fusion.js';
import type { RetrievalSettings, SearchRequest, SearchResult } from './types.js';

/** Queries longer than this are cut (a pasted log is still a query, not an error). */
export const MAX_QUERY_TERMS = 48;
export const MAX_K = 200;

export interface SearchDependencies {
  catalog: Catalog;
  index: DocumentIndex;
  embedder: EmbeddingModel | undefined;
  settings: RetrievalSettings;
}

/**
 * Hybrid search: lexical (BM25 over stems) and vector (cosine KNN) candidates, both filtered by the caller's
 * ACL ids inside the engines, fused by weighted RRF, then the best chunk of each document.
 */
export async function search(
  request: SearchRequest,
  dependencies: SearchDependencies,
): Promise<SearchResult[]> {
  const { catalog, index, embedder, settings } = dependencies;
  const query = request.query.trim();
  if (!query) {
    throw new SpravkaError('query_invalid', text('The query is empty.', 'Пустой запрос.'), {
      hint: text('Type what you are looking for.', 'Напишите, что нужно найти.'),
    });
  }
  if (!Number.isInteger(request.k) || request.k < 1 || request.k > MAX_K) {
    throw new SpravkaError(
      'query_invalid',
      text(`k must be an integer from 1 to ${MAX_K}.`, `k должно быть целым числом от 1 до ${MAX_K}.`),
    );
  }
  const filter: SearchFilter = { principals: [...new Set([PUBLIC_PRINCIPAL, ...request.principals])] };
  if (request.sources) filter.sourceIds = request.sources.map((name) => catalog.requireSource(name).id);

  const lists: RankedList[] = [];
  // The query and its variants (e.g. its translation) each bring their own ranked lists to the fusion.
  const variants = [query, ...(request.alternativeQueries ?? []).map((value) => value.trim())].filter(
    (value, position, all) => value && all.indexOf(value) === position,
  );
  const useVectors = embedder !== undefined && index.vectorModel()?.id === embedder.id;
  const vectors = useVectors ? await embedder.embed(variants.map((value) => value.slice(0, 4000))) : [];
  variants.forEach((variant, position) => {
    const terms = lexicalTerms(variant);
    if (terms.length > 0) {
      lists.push({
        hits: index.searchLexical(terms, filter, settings.candidates),
        weight: settings.lexicalWeight,
      });
    }
    const vector = vectors[position];
    if (vector) {
      lists.push({
        hits: index.searchVectors(vector, filter, settings.candidates),
        weight: settings.vectorWeight,
      });
    }
  });
  const ranked = bestPerDocument(reciprocalRankFusion(lists)).slice(0, request.k);
  const chunks = index.loadChunks(ranked.map((hit) => hit.chunkId));
  const results: SearchResult[] = [];
  for (const hit of ranked) {
    const chunk = chunks.get(hit.chunkId);
    if (!chunk) continue;
    const result: SearchResult = {
      rank: results.length + 1,
      score: Number(hit.score.toFixed(6)),
      source: chunk.sourceName,
      uri: chunk.uri,
      title: chunk.title,
      text: chunk.text,
      kind: chunk.kind,
    };
    if (chunk.language) result.language = chunk.language;
    const url = chunk.url ?? chunk.documentUrl;
    if (url) result.url = url;
    if (chunk.startLine !== null && chunk.endLine !== null)
      result.lines = { start: chunk.startLine, end: chunk.endLine };
    const section = chunk.symbol ?? chunk.headingPath.join(' › ');
    if (section) result.section = section;
    results.push(result);
  }
  return results;
}

/** Query stems, OR-ed. (Prefix matching of Russian stems was measured and did not help: see docs/search.md.) */
export function lexicalTerms(query: string): LexicalTerm[] {
  return analyzeQuery(query)
    .slice(0, MAX_QUERY_TERMS)
    .map((term) => ({ term, prefix: false }));
}
