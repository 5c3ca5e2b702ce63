import type { Chunk, DocumentKind, Principal, SourceType } from '../domain/types.js';

/**
 * The storage spec. The embedded default keeps all of it in one SQLite file (catalog, FTS5, sqlite-vec);
 * other engines implement the same interfaces. Writes of one document are atomic: after a crash a
 * document is either fully old or fully new.
 */

export interface SourceRecord {
  id: number;
  name: string;
  type: SourceType;
  /** Type-specific settings, validated by the sources area. */
  settings: Record<string, unknown>;
  acl: Principal[];
  /** Where the last completed sync left the source (a commit id), if the type has such a thing. */
  cursor: string | null;
  createdAt: string;
  lastSyncAt: string | null;
}

export interface NewSource {
  name: string;
  type: SourceType;
  settings: Record<string, unknown>;
  acl: Principal[];
}

/** What the catalog remembers of an indexed document to decide whether it changed. */
export interface IndexedDocumentState {
  id: number;
  fingerprint: string;
  contentHash: string;
}

export interface DocumentToIndex {
  sourceId: number;
  uri: string;
  fingerprint: string;
  contentHash: string;
  version: string;
  title: string;
  kind: DocumentKind;
  language: string | undefined;
  url: string | undefined;
  acl: Principal[];
  size: number;
}

export interface ChunkToIndex extends Chunk {
  /** Hash of the embedded text: the embedding cache key. */
  contentHash: string;
  url: string | undefined;
  /** Stemmed terms per field, as the lexical index stores them. */
  lexical: { title: string; path: string; headings: string; body: string };
  vector: Float32Array | undefined;
}

export interface SearchFilter {
  /** Principals of the caller; only documents whose ACL names one of them are seen. */
  principals: Principal[];
  /** Restrict to these source ids; all when absent. */
  sourceIds?: number[];
}

export interface ChunkHit {
  chunkId: number;
  documentId: number;
  /** Engine score: bm25 (lower is better) or distance (lower is better). */
  score: number;
}

export interface StoredChunk {
  chunkId: number;
  documentId: number;
  sourceName: string;
  uri: string;
  title: string;
  text: string;
  headingPath: string[];
  symbol: string | null;
  startLine: number | null;
  endLine: number | null;
  url: string | null;
  documentUrl: string | null;
  kind: DocumentKind;
  /** Programming language of a code document. */
  language: string | null;
}

export type SyncStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface SyncCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface SyncRunRecord extends SyncCounts {
  id: number;
  sourceId: number | null;
  sourceName: string;
  status: SyncStatus;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** Per-file problems and skips (first few hundred), for the report. */
  details: SyncDetail[];
}

export interface SyncDetail {
  uri: string;
  kind: 'skipped' | 'failed';
  reason: string;
}

export interface IndexStatistics {
  sources: number;
  documents: number;
  chunks: number;
  vectors: number;
  bytesOnDisk: number;
}

export interface VectorModel {
  id: string;
  dimension: number;
}

/** A lexical query term (a stem); `prefix` terms match any indexed term they begin. */
export interface LexicalTerm {
  term: string;
  prefix: boolean;
}

/** Sources, sync runs and locks, and small settings. */
export interface Catalog {
  addSource(source: NewSource): SourceRecord;
  listSources(): SourceRecord[];
  findSource(name: string): SourceRecord | undefined;
  requireSource(name: string): SourceRecord;
  /** Removes the source; `removeDocuments` runs in the same transaction. */
  removeSource(name: string, removeDocuments: (sourceId: number) => void): void;
  /**
   * Changes a source's settings and ACL and forgets its cursor; when the ACL changes, `whenAclChanges`
   * runs in the same transaction (the documents are dropped until the next sync re-indexes them, so a
   * revoked reader loses access at once).
   */
  updateSource(
    name: string,
    changes: { settings?: Record<string, unknown>; acl?: Principal[] },
    whenAclChanges: (sourceId: number) => void,
  ): SourceRecord;
  setCursor(sourceId: number, cursor: string | undefined): void;
  /** Throws SpravkaError('sync_in_progress') when a live process holds the source. */
  acquireSyncLock(source: SourceRecord): void;
  releaseSyncLock(sourceId: number): void;
  startRun(source: SourceRecord): number;
  finishRun(
    runId: number,
    status: SyncStatus,
    counts: SyncCounts,
    details: SyncDetail[],
    error?: string,
  ): void;
  listRuns(sourceId?: number, limit?: number): SyncRunRecord[];
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
}

/** Documents with their chunks, lexical and vector entries, and the embedding cache. */
export interface DocumentIndex {
  documentStates(sourceId: number): Map<string, IndexedDocumentState>;
  updateFingerprint(documentId: number, fingerprint: string): void;
  /** Atomic: the document is either fully old or fully new after a crash. */
  replaceDocument(document: DocumentToIndex, chunks: ChunkToIndex[]): 'added' | 'updated';
  deleteDocument(documentId: number): void;
  deleteSourceDocuments(sourceId: number): void;
  searchLexical(terms: LexicalTerm[], filter: SearchFilter, limit: number): ChunkHit[];
  searchVectors(vector: Float32Array, filter: SearchFilter, limit: number): ChunkHit[];
  vectorModel(): VectorModel | undefined;
  resetVectors(model: VectorModel | undefined): void;
  chunksWithoutVectors(
    afterChunkId: number,
    limit: number,
  ): Array<{ chunkId: number; embeddingText: string; contentHash: string }>;
  addVectors(vectors: Array<{ chunkId: number; vector: Float32Array }>): void;
  cachedEmbeddings(model: string, hashes: string[]): Map<string, Float32Array>;
  cacheEmbeddings(model: string, entries: Array<[string, Float32Array]>): void;
  loadChunks(chunkIds: number[]): Map<number, StoredChunk>;
  /** Documents and chunks per source id. */
  sourceStatistics(): Map<number, { documents: number; chunks: number }>;
  /** A whole document, its chunks in order, if one of the principals may read it. */
  loadDocument(
    sourceId: number,
    uri: string,
    principals: Principal[],
  ): { title: string; url: string | null; text: string } | undefined;
  statistics(): IndexStatistics;
}
