import type { LocalizedText } from '../i18n/index.js';
import { text } from '../i18n/index.js';
import type { EmbedderConfig, LlmConfig, RerankerConfig } from './schema.js';

/** Thrown by the parsers below; `loadConfig` turns it into a config error naming the variable. */
export class SettingError extends Error {
  constructor(readonly problem: LocalizedText) {
    super(problem.en);
  }
}

type Kind = 'auto' | 'none' | 'llama' | 'model2vec' | 'openai';

/**
 * `kind:argument` settings of the model variables: `auto`, `none`, `llama:<gguf or preset>`,
 * `model2vec:<dir or preset>`, `openai:<base URL>#<model>`.
 */
function parseModelSetting<Allowed extends Kind>(
  name: string,
  value: string,
  allowed: readonly Allowed[],
  apiKey: string | undefined,
): { kind: Allowed; model?: string; baseUrl?: string; apiKey?: string } {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  const kind = (colon < 0 ? trimmed : trimmed.slice(0, colon)) as Allowed;
  const argument = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
  const forms: Record<Kind, string> = {
    auto: 'auto',
    none: 'none',
    llama: 'llama:<GGUF file or preset>',
    model2vec: 'model2vec:<model directory or preset>',
    openai: 'openai:<base URL>#<model>',
  };
  const fail = () =>
    new SettingError(
      text(
        `${name}="${value}" is not understood. Use one of: ${allowed.map((kind) => forms[kind]).join(', ')}.`,
        `${name}="${value}" не распознан. Допустимо: ${allowed.map((kind) => forms[kind]).join(', ')}.`,
      ),
    );
  if (!allowed.includes(kind)) throw fail();
  if (kind === 'auto' || kind === 'none') {
    if (argument) throw fail();
    return { kind };
  }
  if (kind === 'openai') {
    const hash = argument.lastIndexOf('#');
    if (hash <= 0 || hash === argument.length - 1) throw fail();
    return {
      kind,
      baseUrl: argument.slice(0, hash),
      model: argument.slice(hash + 1),
      ...(apiKey ? { apiKey } : {}),
    };
  }
  if (!argument) throw fail();
  return { kind, model: argument };
}

export function parseEmbedderSetting(value: string, apiKey: string | undefined): EmbedderConfig {
  return parseModelSetting(
    'SPRAVKA_EMBEDDER',
    value,
    ['auto', 'none', 'model2vec', 'llama', 'openai'],
    apiKey,
  ) as EmbedderConfig;
}

export function parseLlmSetting(value: string, apiKey: string | undefined): LlmConfig {
  return parseModelSetting('SPRAVKA_LLM', value, ['auto', 'none', 'llama', 'openai'], apiKey) as LlmConfig;
}

export function parseRerankerSetting(value: string): RerankerConfig {
  return parseModelSetting('SPRAVKA_RERANKER', value, ['auto', 'none', 'llama'], undefined) as RerankerConfig;
}
