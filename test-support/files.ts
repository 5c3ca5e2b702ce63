import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and the shared folder beside it (models, evaluation data). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_DIRECTORY = join(REPOSITORY_ROOT, '..', 'shared');
export const TINY_MODEL2VEC = join(SHARED_DIRECTORY, 'models', 'm2v-bge-base-en-vq');

/** A fresh temporary directory, removed by the returned cleanup. */
export function temporaryDirectory(prefix = 'spravka-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes files (relative path → content) under a root, creating folders. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
}
/** A real tiny llama-architecture generator (260K parameters): exercises the real generation path. */
export const TINY_LLAMA_GGUF = join(SHARED_DIRECTORY, 'models', 'stories260K.gguf');
