export { LlamaReranker, type LlamaRerankerOptions } from './llama-reranker.js';
