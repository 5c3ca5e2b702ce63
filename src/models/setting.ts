import type { ModelPreset } from './types.js';

const VARIABLES = { llm: 'SPRAVKA_LLM', embedder: 'SPRAVKA_EMBEDDER', reranker: 'SPRAVKA_RERANKER' } as const;

/** The setting that uses a preset, e.g. `SPRAVKA_LLM=llama:deepseek-r1-1.5b`. */
export function presetSetting(preset: ModelPreset): string {
  if (preset.runtime === 'server') return preset.server?.setting ?? `${VARIABLES[preset.role]}=openai:…`;
  return `${VARIABLES[preset.role]}=${preset.runtime}:${preset.name}`;
}
