/**
 * The reranker spec: a cross-encoder that reads the query and a passage together and scores how well
 * the passage answers the query. Slower than retrieval, so it only sees the top candidates.
 */
export interface Reranker {
  readonly id: string;
  /** One relevance score in [0, 1] per document, in order. */
  rerank(query: string, documents: string[], options?: { signal?: AbortSignal }): Promise<number[]>;
}
