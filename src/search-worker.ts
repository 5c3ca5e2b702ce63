import { workerData } from 'node:worker_threads';
import type { Config } from './config/index.js';
import { createEmbedder, type EmbeddingModel } from './embedding/index.js';
import { toSpravkaError } from './errors/index.js';
import { LlamaRuntime } from './llama/index.js';
import { resolveModelChoices } from './model-setup.js';
import { type SearchRequest, type SearchResult, search } from './retrieval/index.js';
import { openSqliteStores } from './stores/index.js';

/**
 * A search worker: the second composition root, for a worker thread. It opens the index read-only (WAL
 * lets it read while the main thread writes) and its own embedder, and runs searches, so that on a
 * multi-core server concurrent searches do not queue behind each other on the main thread.
 */
const config = (workerData as { config: Config }).config;
const stores = openSqliteStores(config.dataDir, { readonly: true });
let embedder: Promise<EmbeddingModel | undefined> | undefined;

export type WorkerAnswer =
  | { ok: true; results: SearchResult[] }
  | {
      ok: false;
      error: { code: string; text: { en: string; ru: string }; hint: { en: string; ru: string } | null };
    };

export default async function run(request: SearchRequest): Promise<WorkerAnswer> {
  try {
    embedder ??= createEmbedder(resolveModelChoices(config).embedder, {
      llamaRuntime: () => new LlamaRuntime({ threads: 1 }),
    });
    const results = await search(request, {
      catalog: stores.catalog,
      index: stores.index,
      embedder: await embedder,
      settings: config.retrieval,
    });
    return { ok: true, results };
  } catch (error) {
    const failure = toSpravkaError(error);
    return { ok: false, error: { code: failure.code, text: failure.text, hint: failure.hint ?? null } };
  }
}
