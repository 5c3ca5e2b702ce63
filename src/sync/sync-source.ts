import { createHash } from 'node:crypto';
import { embeddingText } from '../domain/embedding-text.js';
import type { Chunk, Principal } from '../domain/types.js';
import type { EmbeddingModel } from '../embedding/types.js';
import { isSpravkaError, SpravkaError, toSpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { Ingestor } from '../ingest/index.js';
import { looksBinary } from '../sources/filters.js';
import type { Connector, ScanItem, SourceEntry } from '../sources/types.js';
import type { Catalog, ChunkToIndex, DocumentIndex, SourceRecord, SyncDetail } from '../stores/types.js';
import { analyze } from '../text/analyze.js';
import { emptyCounts, type SyncEvent, type SyncReport } from './types.js';

export interface SyncDependencies {
  catalog: Catalog;
  index: DocumentIndex;
  ingest: Ingestor;
  embedder: EmbeddingModel | undefined;
}

/**
 * Brings one source's documents in the index up to date with the source:
 * list → diff against the catalog (fingerprint, then content hash) → parse, chunk, embed only what changed
 * → write each document in its own transaction → delete what the source no longer has.
 * A source that cannot be listed changes nothing. A document that fails keeps its previous version.
 * The cursor (e.g. the git commit) moves only when every document went in, so the next sync redoes the rest.
 */
export async function* syncSource(
  source: SourceRecord,
  connector: Connector,
  dependencies: SyncDependencies,
  signal?: AbortSignal,
): AsyncGenerator<SyncEvent, SyncReport> {
  const { catalog, index } = dependencies;
  const started = performance.now();
  const counts = emptyCounts();
  const details: SyncDetail[] = [];
  const report = (runId: number, status: SyncReport['status'], error?: SpravkaError): SyncReport => ({
    source: source.name,
    runId,
    status,
    milliseconds: Math.round(performance.now() - started),
    details,
    ...counts,
    ...(error ? { error } : {}),
  });
  try {
    catalog.acquireSyncLock(source);
  } catch (error) {
    // Another process is syncing this source: report it and leave its run alone (no run record).
    return report(0, 'failed', toSpravkaError(error));
  }
  const runId = catalog.startRun(source);
  const finish = (status: SyncReport['status'], error?: SpravkaError): SyncReport => {
    try {
      catalog.finishRun(runId, status, counts, details, error ? error.text.en : undefined);
    } catch {
      // The run record could not be written (e.g. the disk is full); the report still tells the caller.
      // A run left 'running' is marked failed when the next sync takes the lock.
    }
    return report(runId, status, error);
  };
  try {
    yield { type: 'start', source: source.name };
    const plan = await connector.scan({ cursor: source.cursor ?? undefined, signal });
    const items: ScanItem[] = [];
    for await (const item of plan.items) items.push(item);
    yield { type: 'listed', source: source.name, total: items.length, mode: plan.mode };

    const states = index.documentStates(source.id);
    // Documents whose indexed version stays; in a full scan, every other indexed document is deleted.
    const kept = new Set<string>();
    let done = 0;
    for (const item of items) {
      signal?.throwIfAborted();
      done++;
      const uri = item.type === 'document' ? item.entry.uri : item.uri;
      if (item.type === 'deleted') {
        const state = states.get(uri);
        if (state) {
          index.deleteDocument(state.id);
          counts.deleted++;
        }
      } else if (item.type === 'skipped') {
        counts.skipped++;
        details.push({
          uri,
          kind: 'skipped',
          reason: item.detail ? `${item.reason}: ${item.detail}` : item.reason,
        });
        // A document that is now too large or binary is gone as far as the index goes;
        // one that could not be read keeps its indexed version.
        if (item.reason === 'unreadable') kept.add(uri);
      } else {
        const outcome = await indexEntry(item.entry, source, connector, dependencies, states.get(uri));
        if (outcome.kind === 'failed' || outcome.kind === 'skipped') {
          details.push({ uri, kind: outcome.kind, reason: outcome.reason });
        }
        if (outcome.kind !== 'skipped') kept.add(uri);
        counts[outcome.kind]++;
      }
      if (done % 25 === 0 || done === items.length) {
        yield {
          type: 'progress',
          source: source.name,
          done,
          total: items.length,
          uri,
          counts: { ...counts },
        };
      }
    }
    if (plan.mode === 'full') {
      for (const [uri, state] of states) {
        if (kept.has(uri)) continue;
        index.deleteDocument(state.id);
        counts.deleted++;
      }
    }
    if (counts.failed === 0) catalog.setCursor(source.id, plan.cursor);
    return finish('succeeded');
  } catch (error) {
    const failure = toSpravkaError(error);
    const cancelled = signal?.aborted === true;
    return finish(cancelled ? 'cancelled' : 'failed', cancelled ? cancelledError(source.name) : failure);
  } finally {
    try {
      catalog.releaseSyncLock(source.id);
    } catch {
      // A lock that cannot be released is taken over by the next sync once this process has exited.
    }
  }
}

type EntryOutcome =
  | { kind: 'added' | 'updated' | 'unchanged' }
  | { kind: 'skipped' | 'failed'; reason: string };

async function indexEntry(
  entry: SourceEntry,
  source: SourceRecord,
  connector: Connector,
  dependencies: SyncDependencies,
  state: { id: number; fingerprint: string; contentHash: string } | undefined,
): Promise<EntryOutcome> {
  const { index } = dependencies;
  if (state && state.fingerprint === entry.fingerprint) return { kind: 'unchanged' };
  let bytes: Uint8Array;
  try {
    bytes = await entry.read();
  } catch (error) {
    return { kind: 'failed', reason: `unreadable: ${describe(error)}` };
  }
  if (looksBinary(entry.uri, bytes)) return { kind: 'skipped', reason: 'binary' };
  const contentHash = sha256(bytes);
  if (state && state.contentHash === contentHash) {
    index.updateFingerprint(state.id, entry.fingerprint);
    return { kind: 'unchanged' };
  }
  try {
    const { parsed, chunks } = await dependencies.ingest.ingest({ path: entry.uri, bytes });
    const acl: Principal[] = entry.acl ?? source.acl;
    const prepared = await prepareChunks(
      chunks,
      { title: parsed.title, uri: entry.uri },
      connector,
      dependencies,
    );
    const outcome = index.replaceDocument(
      {
        sourceId: source.id,
        uri: entry.uri,
        fingerprint: entry.fingerprint,
        contentHash,
        version: entry.version ?? contentHash,
        title: parsed.title,
        kind: parsed.kind,
        language: parsed.language,
        url: connector.link(entry.uri),
        acl,
        size: bytes.byteLength,
      },
      prepared,
    );
    return { kind: outcome };
  } catch (error) {
    // Storage failures (disk full, read-only) stop the sync; a bad document only fails itself.
    if (isStorageFailure(error)) throw error;
    return { kind: 'failed', reason: describe(error) };
  }
}

async function prepareChunks(
  chunks: Chunk[],
  document: { title: string; uri: string },
  connector: Connector,
  { index, embedder }: SyncDependencies,
): Promise<ChunkToIndex[]> {
  const titleTerms = analyze(document.title).join(' ');
  const pathTerms = analyze(document.uri.replaceAll('/', ' ')).join(' ');
  const texts = chunks.map((chunk) =>
    embeddingText({ ...document, headingPath: chunk.headingPath, text: chunk.text }),
  );
  const hashes = texts.map(sha256);
  const vectors = embedder ? await embedWithCache(embedder, index, texts, hashes) : undefined;
  return chunks.map((chunk, position) => ({
    ...chunk,
    contentHash: hashes[position] as string,
    url:
      chunk.startLine !== undefined && chunk.endLine !== undefined
        ? connector.link(document.uri, { start: chunk.startLine, end: chunk.endLine })
        : connector.link(document.uri),
    lexical: {
      title: titleTerms,
      path: chunk.symbol ? `${pathTerms} ${analyze(chunk.symbol).join(' ')}` : pathTerms,
      headings: analyze(chunk.headingPath.join(' ')).join(' '),
      body: analyze(chunk.text).join(' '),
    },
    vector: vectors?.[position],
  }));
}

/** Embeds texts whose (model, content hash) is not cached yet, and caches the new vectors. */
export async function embedWithCache(
  embedder: EmbeddingModel,
  index: DocumentIndex,
  texts: string[],
  hashes: string[],
): Promise<Float32Array[]> {
  const cached = index.cachedEmbeddings(embedder.id, hashes);
  const missing = hashes
    .map((hash, position) => (cached.has(hash) ? -1 : position))
    .filter((position) => position >= 0);
  if (missing.length > 0) {
    let fresh: Float32Array[];
    try {
      fresh = await embedder.embed(missing.map((position) => texts[position] as string));
    } catch (error) {
      throw new SpravkaError(
        'embedder_failed',
        text(
          `The embedding model failed: ${describe(error)}`,
          `Ошибка модели эмбеддингов: ${describe(error)}`,
        ),
        { cause: error },
      );
    }
    const entries: Array<[string, Float32Array]> = missing.map((position, order) => [
      hashes[position] as string,
      fresh[order] as Float32Array,
    ]);
    index.cacheEmbeddings(embedder.id, entries);
    for (const [hash, vector] of entries) cached.set(hash, vector);
  }
  return hashes.map((hash) => cached.get(hash) as Float32Array);
}

function isStorageFailure(error: unknown): boolean {
  const converted = toSpravkaError(error);
  return converted.code === 'storage_full' || converted.code === 'storage_read_only';
}

function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

function describe(error: unknown): string {
  if (isSpravkaError(error)) return error.text.en;
  return error instanceof Error ? error.message : String(error);
}

function cancelledError(source: string): SpravkaError {
  return new SpravkaError(
    'sync_failed',
    text(`The sync of "${source}" was cancelled.`, `Синхронизация «${source}» отменена.`),
    {
      hint: text(
        'Run it again: documents already written are kept and not redone.',
        'Запустите её снова: уже записанные документы сохранены и повторно не обрабатываются.',
      ),
    },
  );
}
