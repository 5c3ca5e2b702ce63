import type { LineRange, Principal } from '../domain/types.js';

/**
 * The connector spec. A connector lists a source's documents (cheaply: a fingerprint per document, the
 * content only when asked) and builds deep links. Sync owns everything else: diffing against the catalog,
 * parsing, chunking, embedding, storing, progress, retries.
 */

/** One document as the source lists it. */
export interface SourceEntry {
  /** Stable within the source: the POSIX path relative to the root for folder and git sources. */
  uri: string;
  /**
   * A cheap change detector from the listing (size and mtime, a git blob id). Equal to the catalog's
   * → the document is unchanged and is not read.
   */
  fingerprint: string;
  /** Size in bytes, when the listing knows it. */
  size?: number;
  /** Reads the document's bytes. */
  read(): Promise<Uint8Array>;
  /** Version to record (commit id, updated_at); defaults to the content hash. */
  version?: string;
  /** Principals that may read it; absent → the source's ACL. */
  acl?: Principal[];
}

export const SKIP_REASONS = [
  'binary',
  'too_large',
  'unreadable',
  'symlink_loop',
  'outside_root',
  'excluded',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type ScanItem =
  | { type: 'document'; entry: SourceEntry }
  | { type: 'skipped'; uri: string; reason: SkipReason; detail?: string }
  /** Only in delta scans: the document is gone from the source. */
  | { type: 'deleted'; uri: string };

export interface ScanPlan {
  /**
   * `full`: every current document is listed and whatever the catalog has beyond them is deleted.
   * `delta`: only changes since the cursor are listed (documents and deletions); the rest is unchanged.
   */
  mode: 'full' | 'delta';
  items: AsyncIterable<ScanItem>;
  /** Where the source stands after this scan (a commit id); stored once every item has been applied. */
  cursor?: string;
}

export interface ScanOptions {
  /** The cursor of the last completed sync, if any. */
  cursor?: string;
  signal?: AbortSignal;
}

export interface Connector {
  /** Checks the source is reachable and lists its documents. Throws SpravkaError('source_unavailable'). */
  scan(options: ScanOptions): Promise<ScanPlan>;
  /** A link a person can open for the document (and lines), if the source has one. */
  link(uri: string, lines?: LineRange): string | undefined;
}
