import { statSync } from 'node:fs';
import { presetFilePath } from './paths.js';
import type { ModelPreset } from './types.js';

/**
 * Whether every file of a preset is in the data directory with its full size (cheap: no hashing; a
 * download in progress is still `<file>.part` and does not count). A `server` preset has nothing here.
 */
export function isPresetPresent(preset: ModelPreset, dataDir: string): boolean {
  if (preset.files.length === 0) return false;
  return preset.files.every((file) => {
    const entry = statSync(presetFilePath(preset, file, dataDir), { throwIfNoEntry: false });
    return entry?.isFile() === true && entry.size === file.size;
  });
}
