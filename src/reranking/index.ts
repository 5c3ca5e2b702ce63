export { createReranker, type RerankerChoice } from './registry.js';
export type { Reranker } from './types.js';
