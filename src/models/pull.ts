import { rm, stat } from 'node:fs/promises';
import { isSpravkaError, type SpravkaError } from '../errors/index.js';
import { CATALOGUE, defaultPresets, findPreset } from './catalogue.js';
import { downloadCancelled, downloadsFailed } from './download-errors.js';
import { downloadFile } from './file-download.js';
import { sha256OfFile } from './file-hash.js';
import { HUGGING_FACE } from './hugging-face.js';
import { unknownPresetsToPull } from './model-errors.js';
import { presetFilePath, verificationMarkerPath } from './paths.js';
import { presetSetting } from './setting.js';
import type { ModelFile, ModelPreset, PullEvent } from './types.js';
import { isVerified, markVerified } from './verification-marker.js';

export interface PullOptions {
  dataDir: string;
  /** The presets to choose from; the catalogue by default. */
  presets?: readonly ModelPreset[];
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** How long the server may stay silent before the attempt fails (30 s by default). */
  timeoutMilliseconds?: number;
  /** Attempts per file, each resuming the previous one (5 by default). */
  attempts?: number;
  /** Pause before the second attempt, doubling after each (1 s by default). */
  retryDelayMilliseconds?: number;
  /** A mirror of huggingface.co (e.g. a company proxy): the same paths are requested from it instead. */
  mirror?: string;
}

/**
 * Downloads presets into `<data dir>/models/<preset>/` — the defaults when no names are given — as a
 * stream of progress events. Unknown names fail before anything is downloaded; a `server` preset yields
 * the setting that uses it. A file that cannot be downloaded does not stop the others: the failures are
 * thrown together at the end, each with the URL and the place to put the file by hand. A file already
 * there and verified is not downloaded again (a marker next to it saves hashing gigabytes on every
 * call); a file with the wrong size or checksum is replaced.
 */
export async function* pullModels(names: string[], options: PullOptions): AsyncGenerator<PullEvent, void> {
  const presets = options.presets ?? CATALOGUE;
  const failures: Array<{ file: ModelFile; path: string; error: SpravkaError }> = [];
  for (const preset of choose(names, presets)) {
    if (preset.runtime === 'server') {
      yield {
        type: 'server',
        preset: preset.name,
        setting: presetSetting(preset),
        ...(preset.server?.ollama ? { ollama: preset.server.ollama } : {}),
        ...(preset.server?.vllm ? { vllm: preset.server.vllm } : {}),
      };
      continue;
    }
    for (const file of preset.files) {
      try {
        yield* pullFile(preset, file, options);
      } catch (error) {
        // One file that cannot be had does not stop the others; all failures are reported at the end.
        if (!isSpravkaError(error) || error.code !== 'model_download_failed') throw error;
        failures.push({ file, path: presetFilePath(preset, file, options.dataDir), error });
      }
    }
  }
  if (failures.length === 1) throw failures[0]?.error;
  if (failures.length > 1) throw downloadsFailed(failures);
}

function choose(names: string[], presets: readonly ModelPreset[]): ModelPreset[] {
  if (names.length === 0) return defaultPresets(presets);
  const unknown = names.filter((name) => !findPreset(name, presets));
  if (unknown.length > 0) throw unknownPresetsToPull(unknown, presets);
  return [...new Set(names)].map((name) => findPreset(name, presets) as ModelPreset);
}

async function* pullFile(
  preset: ModelPreset,
  file: ModelFile,
  options: PullOptions,
): AsyncGenerator<PullEvent, void> {
  const path = presetFilePath(preset, file, options.dataDir);
  if (await isVerified(path, file)) {
    yield { type: 'present', preset: preset.name, file: file.name };
    return;
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isFile()) {
    if (existing.size === file.size && (await checksum(path, options.signal)) === file.sha256) {
      await markVerified(path, file);
      yield { type: 'present', preset: preset.name, file: file.name };
      return;
    }
    await rm(path, { force: true });
  }
  await rm(verificationMarkerPath(path), { force: true });
  yield* downloadFile(preset.name, file, path, {
    address: mirrored(file.url, options.mirror),
    fetch: options.fetch ?? fetch,
    ...(options.signal ? { signal: options.signal } : {}),
    idleTimeoutMilliseconds: options.timeoutMilliseconds ?? 30_000,
    attempts: options.attempts ?? 5,
    retryDelayMilliseconds: options.retryDelayMilliseconds ?? 1_000,
    progressIntervalMilliseconds: 100,
  });
  await markVerified(path, file);
  yield { type: 'verified', preset: preset.name, file: file.name };
}

/** The sha256 of a file already in place; cancelling while it is computed is a cancelled pull. */
async function checksum(path: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await sha256OfFile(path, signal);
  } catch (error) {
    if (signal?.aborted) throw downloadCancelled(path);
    throw error;
  }
}

/** `https://huggingface.co/a/b/resolve/…` on a mirror `https://hf.example.com` → `https://hf.example.com/a/b/resolve/…`. */
export function mirrored(url: string, mirror: string | undefined): string {
  if (!mirror || !url.startsWith(`${HUGGING_FACE}/`)) return url;
  return `${mirror.replace(/\/+$/, '')}${url.slice(HUGGING_FACE.length)}`;
}
