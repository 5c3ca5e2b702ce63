export { bestPerDocument, reciprocalRankFusion } from './fusion.js';
export { RERANK_DEPTH, rerankResults } from './rerank.js';
export { lexicalTerms, MAX_K, search } from './search.js';
export type { RetrievalSettings, SearchRequest, SearchResult } from './types.js';
export { DEFAULT_RETRIEVAL } from './types.js';
