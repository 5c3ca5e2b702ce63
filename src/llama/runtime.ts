import { existsSync, statSync } from 'node:fs';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import { modelFileMissing, modelLoadError } from './load-errors.js';

export interface LlamaRuntimeOptions {
  /** CPU threads for every context; on a small machine more threads than cores is ~1000x slower. */
  threads: number;
}

/**
 * The in-process llama.cpp runtime, shared by the language model, the GGUF embedder and the reranker:
 * the native library is loaded once (lazily, on first use), and each GGUF file is loaded once however
 * many roles use it.
 */
export class LlamaRuntime {
  private llama: Promise<Llama> | undefined;
  private readonly models = new Map<string, Promise<LlamaModel>>();

  constructor(readonly options: LlamaRuntimeOptions) {}

  get threads(): number {
    return this.options.threads;
  }

  /** The model in a GGUF file, loaded on first request and shared afterwards. */
  model(path: string): Promise<LlamaModel> {
    let loading = this.models.get(path);
    if (!loading) {
      loading = this.load(path);
      this.models.set(path, loading);
      // A failed load is not cached: the file may be fixed and the request retried.
      loading.catch(() => this.models.delete(path));
    }
    return loading;
  }

  /**
   * A context on a loaded model (chat, embedding or ranking), made by `create`; a failure (out of memory, a
   * model that cannot do this) is reported like a failed load, naming the file.
   */
  async context<Context>(path: string, create: () => Promise<Context>): Promise<Context> {
    try {
      return await create();
    } catch (error) {
      throw modelLoadError(path, error);
    }
  }

  private async load(path: string): Promise<LlamaModel> {
    if (!existsSync(path) || !statSync(path).isFile()) throw modelFileMissing(path);
    const llama = await this.library();
    try {
      return await llama.loadModel({ modelPath: path });
    } catch (error) {
      throw modelLoadError(path, error);
    }
  }

  private library(): Promise<Llama> {
    this.llama ??= import('node-llama-cpp').then(({ getLlama, LlamaLogLevel }) =>
      getLlama({
        gpu: false,
        build: 'never',
        maxThreads: this.options.threads,
        logLevel: LlamaLogLevel.error,
      }),
    );
    return this.llama;
  }

  async dispose(): Promise<void> {
    const models = await Promise.allSettled(this.models.values());
    for (const model of models) if (model.status === 'fulfilled') await model.value.dispose();
    this.models.clear();
    if (this.llama) await (await this.llama).dispose();
    this.llama = undefined;
  }
}
