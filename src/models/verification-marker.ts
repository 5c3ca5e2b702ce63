import { readFile, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { verificationMarkerPath } from './paths.js';
import type { ModelFile } from './types.js';

/** What was verified: the hash, and the size and modification time of the file it was computed from. */
const markerSchema = z.object({ sha256: z.string(), size: z.number(), mtimeMs: z.number() });

/**
 * Whether `path` was verified as `file` and has not changed since (same size and modification time):
 * then it need not be hashed again. Any doubt (no marker, unreadable marker, changed file) is `false`.
 */
export async function isVerified(path: string, file: ModelFile): Promise<boolean> {
  const entry = await stat(path).catch(() => undefined);
  if (!entry?.isFile() || entry.size !== file.size) return false;
  const raw = await readFile(verificationMarkerPath(path), 'utf8').catch(() => undefined);
  if (raw === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return false;
  }
  const marker = markerSchema.safeParse(value);
  return (
    marker.success &&
    marker.data.sha256 === file.sha256 &&
    marker.data.size === entry.size &&
    marker.data.mtimeMs === entry.mtimeMs
  );
}

/** Records that `path`, as it is now, has the sha256 of `file`. */
export async function markVerified(path: string, file: ModelFile): Promise<void> {
  const entry = await stat(path);
  const marker = { sha256: file.sha256, size: entry.size, mtimeMs: entry.mtimeMs };
  await writeFile(verificationMarkerPath(path), `${JSON.stringify(marker)}\n`);
}
