import type { EmbeddingModel } from '../embedding/types.js';
import type { DocumentIndex } from '../stores/types.js';
import { embedWithCache } from './sync-source.js';

const BATCH = 256;

/**
 * Keeps the vector index tied to the configured embedder: when the model changed, all vectors are dropped
 * and every chunk is embedded again (from its stored text, no re-parsing), yielding progress.
 * Vectors of two models are never mixed.
 */
export async function* reconcileVectors(
  index: DocumentIndex,
  embedder: EmbeddingModel | undefined,
  signal?: AbortSignal,
): AsyncGenerator<{ done: number; total: number }> {
  if (!embedder) return;
  const current = index.vectorModel();
  if (current?.id !== embedder.id || current.dimension !== embedder.dimension) {
    index.resetVectors({ id: embedder.id, dimension: embedder.dimension });
  }
  const { chunks, vectors: embedded } = index.statistics();
  const total = chunks - embedded;
  let done = 0;
  let afterChunkId = 0;
  while (true) {
    signal?.throwIfAborted();
    const batch = index.chunksWithoutVectors(afterChunkId, BATCH);
    if (batch.length === 0) break;
    afterChunkId = (batch[batch.length - 1] as { chunkId: number }).chunkId;
    const vectors = await embedWithCache(
      embedder,
      index,
      batch.map((chunk) => chunk.embeddingText),
      batch.map((chunk) => chunk.contentHash),
    );
    index.addVectors(
      batch.map((chunk, position) => ({ chunkId: chunk.chunkId, vector: vectors[position] as Float32Array })),
    );
    done += batch.length;
    yield { done, total };
  }
}
