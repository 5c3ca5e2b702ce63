import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { CATALOGUE, findPreset } from './catalogue.js';
import { modelPathMissing, presetMissing, presetNotForThis, unknownPreset } from './model-errors.js';
import { presetDirectory, presetFilePath } from './paths.js';
import { isPresetPresent } from './presence.js';
import type { ModelPreset, ModelRole } from './types.js';

/** Whether a reference is meant as a path rather than a preset name. */
function looksLikePath(reference: string): boolean {
  return (
    reference.includes('/') ||
    reference.includes(sep) ||
    reference.startsWith('.') ||
    reference.startsWith('~') ||
    reference.toLowerCase().endsWith('.gguf')
  );
}

/**
 * Turns the argument of `llama:<…>` / `model2vec:<…>` into what the runtime loads: a preset name becomes
 * its downloaded file (llama) or folder (model2vec); anything that looks like a path, or exists, is a path.
 * A preset for another role or runtime, a preset not downloaded yet, a missing path or an unknown name is a
 * SpravkaError that says what to do.
 */
export function resolveModelReference(
  reference: string,
  role: ModelRole,
  runtime: 'llama' | 'model2vec',
  dataDir: string,
  presets: readonly ModelPreset[] = CATALOGUE,
): { path: string; preset?: ModelPreset } {
  const preset = looksLikePath(reference) ? undefined : findPreset(reference, presets);
  if (preset) {
    if (preset.role !== role || preset.runtime !== runtime) throw presetNotForThis(preset, role, runtime);
    if (!isPresetPresent(preset, dataDir)) throw presetMissing(preset, dataDir);
    const [first] = preset.files;
    const path =
      runtime === 'llama' && first
        ? presetFilePath(preset, first, dataDir)
        : presetDirectory(preset, dataDir);
    return { path, preset };
  }
  if (looksLikePath(reference) || existsSync(reference)) {
    const path = resolve(reference);
    if (!existsSync(path)) throw modelPathMissing(path, role);
    return { path };
  }
  throw unknownPreset(
    reference,
    presets.filter((candidate) => candidate.role === role && candidate.runtime === runtime),
  );
}
