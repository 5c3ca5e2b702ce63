export { createEmbedder } from './registry.js';
export type { EmbeddingModel } from './types.js';
