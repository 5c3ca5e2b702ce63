export { createEmbedder, type EmbedderChoice, type EmbedderDependencies } from './registry.js';
export type { EmbeddingModel } from './types.js';
