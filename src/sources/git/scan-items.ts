import { hasBinaryExtension } from '../filters.js';
import type { ScanItem } from '../types.js';
import type { BlobReader } from './blob-reader.js';
import { FILE_MODES, isRegularFile, type TreeChange, type TreeEntry } from './tree-listing.js';

/** What decides whether a file of the repository becomes a document. */
export interface ItemRules {
  /** The settings' include/exclude globs and the built-in excludes. */
  includePath(path: string): boolean;
  maxFileBytes: number;
}

/**
 * The scan item for one file of the tree: a document whose fingerprint is its blob id, a skipped file
 * (binary extension, too large, a symbolic link or a submodule), or undefined when the globs leave it out.
 */
export function itemForEntry(entry: TreeEntry, rules: ItemRules, reader: BlobReader): ScanItem | undefined {
  const { path: uri, mode, objectId, size } = entry;
  if (!rules.includePath(uri)) return undefined;
  if (mode === FILE_MODES.symlink) {
    return { type: 'skipped', uri, reason: 'excluded', detail: 'symbolic link (git stores only its target)' };
  }
  if (mode === FILE_MODES.submodule) {
    return {
      type: 'skipped',
      uri,
      reason: 'excluded',
      detail: `submodule at commit ${objectId} (not followed)`,
    };
  }
  if (!isRegularFile(mode)) return { type: 'skipped', uri, reason: 'excluded', detail: `git mode ${mode}` };
  if (hasBinaryExtension(uri)) return { type: 'skipped', uri, reason: 'binary' };
  if (size !== undefined && size > rules.maxFileBytes) {
    return { type: 'skipped', uri, reason: 'too_large', detail: `${size} bytes` };
  }
  return { type: 'document', entry: { uri, fingerprint: objectId, size, read: () => reader.read(objectId) } };
}

/** Every file at the head commit. Closes the reader when the iteration ends, however it ends. */
export async function* fullScanItems(
  entries: readonly TreeEntry[],
  rules: ItemRules,
  reader: BlobReader,
  signal?: AbortSignal,
): AsyncGenerator<ScanItem> {
  try {
    for (const entry of entries) {
      signal?.throwIfAborted();
      const item = itemForEntry(entry, rules, reader);
      if (item) yield item;
    }
  } finally {
    reader.close();
  }
}

/**
 * The changes since the cursor: added, modified and retyped files as documents, removed files as deletions.
 * A changed file that is no longer indexable (now excluded, too large, binary, a link) is deleted too,
 * since the catalog may hold an earlier version of it, and is then reported as skipped when it exists.
 * `sizes` holds the blob sizes of the changed files. Closes the reader when the iteration ends.
 */
export async function* deltaScanItems(
  changes: readonly TreeChange[],
  sizes: ReadonlyMap<string, number>,
  rules: ItemRules,
  reader: BlobReader,
  signal?: AbortSignal,
): AsyncGenerator<ScanItem> {
  try {
    for (const change of changes) {
      signal?.throwIfAborted();
      if (change.status === 'D') {
        yield { type: 'deleted', uri: change.path };
        continue;
      }
      const entry: TreeEntry = { ...change, size: sizes.get(change.objectId) };
      const item = itemForEntry(entry, rules, reader);
      if (item?.type === 'document') {
        yield item;
        continue;
      }
      yield { type: 'deleted', uri: change.path };
      if (item) yield item;
    }
  } finally {
    reader.close();
  }
}
