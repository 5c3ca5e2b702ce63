import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import {
  type AnswerEvent,
  type AnswerResult,
  type AskRequest,
  ask,
  DEFAULT_ANSWER_SETTINGS,
} from './answer/index.js';
import type { Config } from './config/index.js';
import type { Principal, SourceType } from './domain/types.js';
import { createEmbedder, type EmbeddingModel } from './embedding/index.js';
import { type ErrorCode, SpravkaError } from './errors/index.js';
import { type Ingestor, lazyIngestor } from './ingest/index.js';
import { LlamaRuntime } from './llama/index.js';
import { createLanguageModel, type LanguageModel } from './llm/index.js';
import { type ModelChoices, resolveModelChoices } from './model-setup.js';
import { createReranker, type Reranker } from './reranking/index.js';
import {
  RERANK_DEPTH,
  rerankResults,
  type SearchRequest,
  type SearchResult,
  search,
} from './retrieval/index.js';
import type { WorkerAnswer } from './search-worker.js';
import { createConnector, validateSourceSettings } from './sources/index.js';
import { openSqliteStores, type SourceRecord, type Stores } from './stores/index.js';
import { reconcileVectors, type SyncEvent, type SyncReport, syncSource } from './sync/index.js';

/** Where the product's own documentation lives: the demo source of a fresh installation. */
export const DOCS_DIRECTORY = fileURLToPath(new URL('../docs', import.meta.url));
const DEMO_SOURCE = 'spravka-docs';
const INITIALISED_KEY = 'initialised';

/**
 * The composition root: the only place that builds infrastructure (stores, embedder, connectors,
 * ingest pipeline) and hands it to the areas that use it.
 */
export class Spravka {
  private readonly ingestor: Ingestor;
  private languageModelLoading: Promise<LanguageModel | undefined> | undefined;
  private rerankerLoading: Promise<Reranker | undefined> | undefined;
  private searchPool: Piscina | undefined;

  private constructor(
    readonly config: Config,
    private readonly stores: Stores,
    readonly embedder: EmbeddingModel | undefined,
    /** The models each role uses, and why a role runs without one. */
    readonly models: ModelChoices,
    /** Shared by every in-process model; it loads the native library only when a model first needs it. */
    private readonly llamaRuntime: LlamaRuntime,
  ) {
    this.ingestor = lazyIngestor(config.chunking);
  }

  static async create(config: Config): Promise<Spravka> {
    const models = resolveModelChoices(config);
    const runtime = new LlamaRuntime({ threads: config.runtime.threads });
    // The embedder is needed by search and sync alike; the language model and reranker load on first use.
    const embedder = await createEmbedder(models.embedder, { llamaRuntime: () => runtime });
    const maxIndexMegabytes = config.storage.maxIndexMegabytes;
    const stores = openSqliteStores(
      config.dataDir,
      maxIndexMegabytes ? { maxBytes: maxIndexMegabytes * 2 ** 20 } : {},
    );
    return new Spravka(config, stores, embedder, models, runtime);
  }

  /** The language model, loaded once on first use; undefined when none is configured. */
  languageModel(): Promise<LanguageModel | undefined> {
    this.languageModelLoading ??= createLanguageModel(this.models.llm, {
      llamaRuntime: () => this.llamaRuntime,
    });
    // A failed load is retried on the next question (the file may have been fixed meanwhile).
    this.languageModelLoading.catch(() => {
      this.languageModelLoading = undefined;
    });
    return this.languageModelLoading;
  }

  reranker(): Promise<Reranker | undefined> {
    this.rerankerLoading ??= createReranker(this.models.reranker, { llamaRuntime: () => this.llamaRuntime });
    this.rerankerLoading.catch(() => {
      this.rerankerLoading = undefined;
    });
    return this.rerankerLoading;
  }

  /** Answers a question from the documents the asker may read, streaming events; see the answer area. */
  ask(request: AskRequest): AsyncGenerator<AnswerEvent, AnswerResult> {
    const { answers } = this.config;
    return ask(request, {
      search: (searchRequest) => this.search(searchRequest),
      languageModel: () => this.languageModel(),
      reranker: () => this.reranker(),
      settings: {
        ...DEFAULT_ANSWER_SETTINGS,
        maxAnswerTokens: answers.maxAnswerTokens,
        reasoningTokens: answers.reasoningTokens,
        temperature: answers.temperature,
        translateQueries: answers.translateQueries,
        followUps: answers.followUps,
      },
    });
  }

  get catalog() {
    return this.stores.catalog;
  }

  get index() {
    return this.stores.index;
  }

  get accounts() {
    return this.stores.accounts;
  }

  get conversations() {
    return this.stores.conversations;
  }

  get databasePath(): string {
    return this.stores.databasePath;
  }

  addSource(
    name: string,
    type: SourceType,
    settings: Record<string, unknown>,
    acl: Principal[],
  ): SourceRecord {
    return this.catalog.addSource({ name, type, settings: validateSourceSettings(type, settings), acl });
  }

  /** Changes a source; a changed ACL drops its documents until the next sync re-indexes them (fail closed). */
  updateSource(
    name: string,
    changes: { settings?: Record<string, unknown>; acl?: Principal[] },
  ): SourceRecord {
    const source = this.catalog.requireSource(name);
    const settings = changes.settings ? validateSourceSettings(source.type, changes.settings) : undefined;
    return this.catalog.updateSource(
      name,
      { ...(settings ? { settings } : {}), ...(changes.acl ? { acl: changes.acl } : {}) },
      (sourceId) => this.index.deleteSourceDocuments(sourceId),
    );
  }

  removeSource(name: string): void {
    this.catalog.removeSource(name, (sourceId) => this.index.deleteSourceDocuments(sourceId));
  }

  async search(request: SearchRequest): Promise<SearchResult[]> {
    const dependencies = {
      catalog: this.catalog,
      index: this.index,
      embedder: this.embedder,
      settings: this.config.retrieval,
    };
    const run = (searchRequest: SearchRequest) =>
      this.searchPool ? this.searchInWorker(searchRequest) : search(searchRequest, dependencies);
    const reranker = request.rerank ? await this.reranker() : undefined;
    if (!reranker) return run(request);
    const candidates = await run({ ...request, k: Math.max(request.k, RERANK_DEPTH) });
    const reranked = await rerankResults(request.query, candidates, reranker);
    return reranked.slice(0, request.k).map((item) => item.result);
  }

  /**
   * Runs searches in worker threads from now on (the server does this on a multi-core machine), each with
   * its own read-only connection, so concurrent searches use every core instead of queueing.
   */
  async startSearchWorkers(count: number): Promise<void> {
    if (count < 1 || this.searchPool) return;
    const { Piscina } = await import('piscina');
    this.searchPool = new Piscina({
      filename: new URL('./search-worker.js', import.meta.url).href,
      workerData: { config: this.config },
      minThreads: count,
      maxThreads: count,
    });
  }

  private async searchInWorker(request: SearchRequest): Promise<SearchResult[]> {
    const answer = (await this.searchPool?.run(request)) as WorkerAnswer;
    if (answer.ok) return answer.results;
    const { code, text, hint } = answer.error;
    throw new SpravkaError(code as ErrorCode, text, hint ? { hint } : {});
  }

  /** A whole document, if one of the principals may read it (the same ACL as search). */
  getDocument(
    principals: Principal[],
    sourceName: string,
    uri: string,
  ): { source: string; uri: string; title: string; url?: string; text: string } | undefined {
    const source = this.catalog.findSource(sourceName);
    const document = source && this.index.loadDocument(source.id, uri, [...principals, 'public']);
    if (!source || !document) return undefined;
    return {
      source: sourceName,
      uri,
      title: document.title,
      text: document.text,
      ...(document.url ? { url: document.url } : {}),
    };
  }

  /** Syncs the named sources (all when none are named), one after another, yielding progress. */
  async *sync(names: string[], signal?: AbortSignal): AsyncGenerator<SyncEvent, SyncReport[]> {
    const sources =
      names.length > 0 ? names.map((name) => this.catalog.requireSource(name)) : this.catalog.listSources();
    for await (const progress of reconcileVectors(this.index, this.embedder, signal)) {
      yield { type: 'embedding', source: '*', ...progress };
    }
    const reports: SyncReport[] = [];
    for (const source of sources) {
      const connector = createConnector(source, this.config.dataDir);
      const run = syncSource(
        source,
        connector,
        { catalog: this.catalog, index: this.index, ingest: this.ingestor, embedder: this.embedder },
        signal,
      );
      let step = await run.next();
      while (!step.done) {
        yield step.value;
        step = await run.next();
      }
      reports.push(step.value);
      yield { type: 'finish', report: step.value };
    }
    return reports;
  }

  /**
   * On the very first start, registers the product's own docs/ as a public source so that a newcomer
   * can search right away. Runs once per data directory: a removed demo source stays removed.
   */
  ensureDemoSource(): SourceRecord | undefined {
    if (this.catalog.getMeta(INITIALISED_KEY)) return undefined;
    this.catalog.setMeta(INITIALISED_KEY, new Date().toISOString());
    if (this.catalog.listSources().length > 0) return undefined;
    return this.addSource(DEMO_SOURCE, 'folder', { path: DOCS_DIRECTORY }, ['public']);
  }

  close(): void {
    this.stores.close();
    void this.searchPool?.destroy();
    this.searchPool = undefined;
    this.languageModelLoading = undefined;
    this.rerankerLoading = undefined;
    // Native memory is released in the background; a failure to free it at shutdown changes nothing.
    this.llamaRuntime.dispose().catch(() => undefined);
  }
}
