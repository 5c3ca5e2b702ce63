import { EMBEDDERS } from './presets/embedders.js';
import { IN_PROCESS_LANGUAGE_MODELS } from './presets/language-models.js';
import { RERANKERS } from './presets/rerankers.js';
import { SERVED_LANGUAGE_MODELS } from './presets/served-language-models.js';
import type { ModelPreset, ModelRole } from './types.js';

/** Every preset spravka knows, in the order `models list` shows them. */
export const CATALOGUE: readonly ModelPreset[] = [
  ...IN_PROCESS_LANGUAGE_MODELS,
  ...SERVED_LANGUAGE_MODELS,
  ...EMBEDDERS,
  ...RERANKERS,
];

export function listPresets(presets: readonly ModelPreset[] = CATALOGUE): readonly ModelPreset[] {
  return presets;
}

export function findPreset(
  name: string,
  presets: readonly ModelPreset[] = CATALOGUE,
): ModelPreset | undefined {
  return presets.find((preset) => preset.name === name);
}

/** The preset `auto` and `models pull` (without names) use for a role. */
export function defaultPreset(role: ModelRole, presets: readonly ModelPreset[] = CATALOGUE): ModelPreset {
  const preset = presets.find((candidate) => candidate.role === role && candidate.isDefault);
  if (!preset) throw new Error(`the catalogue has no default ${role}`);
  return preset;
}

export function defaultPresets(presets: readonly ModelPreset[] = CATALOGUE): ModelPreset[] {
  return presets.filter((preset) => preset.isDefault);
}
