export { type ConfigOverrides, loadConfig } from './load.js';
export type { Config, EmbedderConfig } from './schema.js';
