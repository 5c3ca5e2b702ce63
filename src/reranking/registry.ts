import type { LlamaRuntime } from '../llama/index.js';
import type { Reranker } from './types.js';

/** A reranker with its model located (presets and `auto` resolved by the composition root). */
export type RerankerChoice = { kind: 'none' } | { kind: 'llama'; path: string };

type Factory<Kind extends RerankerChoice['kind']> = (
  choice: Extract<RerankerChoice, { kind: Kind }>,
  dependencies: { llamaRuntime: () => LlamaRuntime },
) => Promise<Reranker | undefined>;

const factories: { [Kind in RerankerChoice['kind']]: Factory<Kind> } = {
  none: async () => undefined,
  llama: async (choice, dependencies) => {
    const { LlamaReranker } = await import('./llama/index.js');
    return LlamaReranker.create({ runtime: dependencies.llamaRuntime(), path: choice.path });
  },
};

export function createReranker(
  choice: RerankerChoice,
  dependencies: { llamaRuntime: () => LlamaRuntime },
): Promise<Reranker | undefined> {
  return (factories[choice.kind] as Factory<typeof choice.kind>)(choice as never, dependencies);
}
