export { type OpenAIEmbedderOptions, OpenAIEmbeddingModel } from './openai-embedder.js';
