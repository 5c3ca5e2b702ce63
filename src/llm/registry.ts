import type { LlamaRuntime } from '../llama/index.js';
import type { LanguageModel } from './types.js';

/** A language model with its model located (presets and `auto` resolved by the composition root). */
export type LanguageModelChoice =
  | { kind: 'none' }
  | { kind: 'llama'; path: string; contextSize?: number }
  | {
      kind: 'openai';
      baseUrl: string;
      model: string;
      apiKey?: string;
      contextSize?: number;
      reasoning: 'detect' | 'starts-inside' | 'tagged-only';
    };

type Factory<Kind extends LanguageModelChoice['kind']> = (
  choice: Extract<LanguageModelChoice, { kind: Kind }>,
  dependencies: { llamaRuntime: () => LlamaRuntime },
) => Promise<LanguageModel | undefined>;

const factories: { [Kind in LanguageModelChoice['kind']]: Factory<Kind> } = {
  none: async () => undefined,
  llama: async (choice, dependencies) => {
    const { LlamaChatModel } = await import('./llama/index.js');
    return LlamaChatModel.create({
      runtime: dependencies.llamaRuntime(),
      path: choice.path,
      ...(choice.contextSize ? { contextSize: choice.contextSize } : {}),
    });
  },
  openai: async (choice) => {
    const { OpenAIChatModel } = await import('./openai/index.js');
    return OpenAIChatModel.create({
      baseUrl: choice.baseUrl,
      model: choice.model,
      ...(choice.apiKey ? { apiKey: choice.apiKey } : {}),
      ...(choice.contextSize ? { contextSize: choice.contextSize } : {}),
      reasoning: choice.reasoning,
    });
  },
};

export function createLanguageModel(
  choice: LanguageModelChoice,
  dependencies: { llamaRuntime: () => LlamaRuntime },
): Promise<LanguageModel | undefined> {
  return (factories[choice.kind] as Factory<typeof choice.kind>)(choice as never, dependencies);
}
