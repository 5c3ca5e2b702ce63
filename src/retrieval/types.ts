import type { DocumentKind, LineRange, Principal } from '../domain/types.js';

/** One search result, as `spravka search --json` and `GET /api/search` print it. */
export interface SearchResult {
  rank: number;
  score: number;
  source: string;
  uri: string;
  title: string;
  text: string;
  url?: string;
  lines?: LineRange;
  /** Heading path or code symbol of the matching chunk. */
  section?: string;
  kind: DocumentKind;
  /** Programming language of code. */
  language?: string;
}

export interface SearchRequest {
  query: string;
  k: number;
  /** The caller's principals; `public` is always added. */
  principals: Principal[];
  /** Source names to search; all when absent. */
  sources?: string[];
  /** Other phrasings of the same need (a translation of the query…), fused with it. */
  alternativeQueries?: string[];
  /** Reorder the head of the results with the configured reranker (slower; ignored without one). */
  rerank?: boolean;
}

export interface RetrievalSettings {
  /** Chunks taken from each engine before fusion. */
  candidates: number;
  lexicalWeight: number;
  vectorWeight: number;
}

export const DEFAULT_RETRIEVAL: RetrievalSettings = { candidates: 150, lexicalWeight: 1, vectorWeight: 1 };
