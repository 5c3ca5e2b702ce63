import type { EmbedderConfig } from '../config/index.js';
import type { EmbeddingModel } from './types.js';

type Factory<Kind extends EmbedderConfig['kind']> = (
  config: Extract<EmbedderConfig, { kind: Kind }>,
) => Promise<EmbeddingModel | undefined>;

/** Every embedder kind and how to build it; heavy ones are imported only when chosen. */
const factories: { [Kind in EmbedderConfig['kind']]: Factory<Kind> } = {
  none: async () => undefined,
  model2vec: async (config) => {
    const { Model2VecModel } = await import('./model2vec/index.js');
    return Model2VecModel.create(config.path);
  },
  openai: async (config) => {
    const { OpenAIEmbeddingModel } = await import('./openai/index.js');
    return OpenAIEmbeddingModel.create({
      baseUrl: config.baseUrl,
      model: config.model,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    });
  },
};

export function createEmbedder(config: EmbedderConfig): Promise<EmbeddingModel | undefined> {
  return (factories[config.kind] as Factory<typeof config.kind>)(config as never);
}
