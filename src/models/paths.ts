import { join } from 'node:path';
import type { ModelFile, ModelPreset } from './types.js';

/** `<data dir>/models`: one folder per preset inside. */
export function modelsDirectory(dataDir: string): string {
  return join(dataDir, 'models');
}

export function presetDirectory(preset: ModelPreset, dataDir: string): string {
  return join(modelsDirectory(dataDir), preset.name);
}

/** `<data dir>/models/<preset>/<file>`: where a preset's file lives once downloaded or placed by hand. */
export function presetFilePath(preset: ModelPreset, file: ModelFile, dataDir: string): string {
  return join(presetDirectory(preset, dataDir), file.name);
}

/** The file being downloaded; renamed to its real name only once its size and sha256 are right. */
export function partialPath(path: string): string {
  return `${path}.part`;
}

/** Remembers that a file was verified, so that a multi-GB file is not hashed again on every pull. */
export function verificationMarkerPath(path: string): string {
  return `${path}.verified`;
}
