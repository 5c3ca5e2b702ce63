export { LlamaEmbeddingModel, type LlamaEmbeddingOptions } from './llama-embedding-model.js';
