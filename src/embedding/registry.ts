import type { LlamaRuntime } from '../llama/index.js';
import type { EmbeddingModel } from './types.js';

/** An embedder with its model located: presets and `auto` are resolved by the composition root. */
export type EmbedderChoice =
  | { kind: 'none' }
  | { kind: 'model2vec'; path: string }
  | { kind: 'llama'; path: string }
  | { kind: 'openai'; baseUrl: string; model: string; apiKey?: string };

export interface EmbedderDependencies {
  /** The shared in-process runtime, created on first need. */
  llamaRuntime: () => LlamaRuntime;
}

type Factory<Kind extends EmbedderChoice['kind']> = (
  choice: Extract<EmbedderChoice, { kind: Kind }>,
  dependencies: EmbedderDependencies,
) => Promise<EmbeddingModel | undefined>;

/** Every embedder kind and how to build it; heavy ones are imported only when chosen. */
const factories: { [Kind in EmbedderChoice['kind']]: Factory<Kind> } = {
  none: async () => undefined,
  model2vec: async (choice) => {
    const { Model2VecModel } = await import('./model2vec/index.js');
    return Model2VecModel.create(choice.path);
  },
  llama: async (choice, dependencies) => {
    const { LlamaEmbeddingModel } = await import('./llama/index.js');
    return LlamaEmbeddingModel.create({ runtime: dependencies.llamaRuntime(), path: choice.path });
  },
  openai: async (choice) => {
    const { OpenAIEmbeddingModel } = await import('./openai/index.js');
    return OpenAIEmbeddingModel.create({
      baseUrl: choice.baseUrl,
      model: choice.model,
      ...(choice.apiKey ? { apiKey: choice.apiKey } : {}),
    });
  },
};

export function createEmbedder(
  choice: EmbedderChoice,
  dependencies: EmbedderDependencies,
): Promise<EmbeddingModel | undefined> {
  return (factories[choice.kind] as Factory<typeof choice.kind>)(choice as never, dependencies);
}
