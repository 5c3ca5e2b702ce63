export { type ConfigOverrides, defaultThreads, loadConfig } from './load.js';
export type { Config, EmbedderConfig, LlmConfig, RerankerConfig } from './schema.js';
