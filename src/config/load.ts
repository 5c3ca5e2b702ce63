import { resolve } from 'node:path';
import { SpravkaError } from '../errors/index.js';
import { pickLanguage, text } from '../i18n/index.js';
import { DEFAULT_CHUNKING } from '../ingest/types.js';
import { DEFAULT_RETRIEVAL } from '../retrieval/types.js';
import { type Config, configSchema, type EmbedderConfig } from './schema.js';

export interface ConfigOverrides {
  dataDir?: string;
  host?: string;
  port?: number;
}

/**
 * Reads the configuration once, from command-line overrides and the environment, and validates it.
 * A wrong value fails here, naming the variable to fix, instead of surfacing later as a strange error.
 */
export function loadConfig(environment: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const candidate = {
    dataDir: resolve(overrides.dataDir ?? environment.SPRAVKA_DATA_DIR ?? './data'),
    language: pickLanguage(environment.SPRAVKA_LANG, environment.LC_ALL, environment.LANG),
    embedder: parseEmbedder(environment.SPRAVKA_EMBEDDER ?? 'none', environment.SPRAVKA_EMBEDDER_API_KEY),
    chunking: {
      maxTokens: integer(environment, 'SPRAVKA_CHUNK_TOKENS', DEFAULT_CHUNKING.maxTokens),
      overlapLines: integer(environment, 'SPRAVKA_CHUNK_OVERLAP_LINES', DEFAULT_CHUNKING.overlapLines),
    },
    retrieval: {
      candidates: integer(environment, 'SPRAVKA_CANDIDATES', DEFAULT_RETRIEVAL.candidates),
      lexicalWeight: number(environment, 'SPRAVKA_LEXICAL_WEIGHT', DEFAULT_RETRIEVAL.lexicalWeight),
      vectorWeight: number(environment, 'SPRAVKA_VECTOR_WEIGHT', DEFAULT_RETRIEVAL.vectorWeight),
    },
    storage: optionalInteger(environment, 'SPRAVKA_MAX_INDEX_MB', 'maxIndexMegabytes'),
    server: {
      host: overrides.host ?? environment.SPRAVKA_HOST ?? '127.0.0.1',
      port: overrides.port ?? integer(environment, 'SPRAVKA_PORT', 8080),
    },
  };
  const parsed = configSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw invalid(`Invalid configuration: ${problems}`, `Неверная конфигурация: ${problems}`);
  }
  return parsed.data;
}

function parseEmbedder(value: string, apiKey: string | undefined): EmbedderConfig {
  if (value === 'none') return { kind: 'none' };
  const [kind, ...rest] = value.split(':');
  const argument = rest.join(':');
  if (kind === 'model2vec' && argument) return { kind: 'model2vec', path: resolve(argument) };
  const hash = argument.lastIndexOf('#');
  if (kind === 'openai' && hash > 0 && hash < argument.length - 1) {
    return {
      kind: 'openai',
      baseUrl: argument.slice(0, hash),
      model: argument.slice(hash + 1),
      ...(apiKey ? { apiKey } : {}),
    };
  }
  throw invalid(
    `SPRAVKA_EMBEDDER="${value}" is not understood. Use "none", "model2vec:<model directory>" or "openai:<base URL>#<model>".`,
    `SPRAVKA_EMBEDDER="${value}" не распознан. Укажите "none", "model2vec:<каталог модели>" или "openai:<базовый URL>#<модель>".`,
  );
}

function number(environment: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = environment[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value))
    throw invalid(`${name}="${raw}" is not a number.`, `${name}="${raw}" — не число.`);
  return value;
}

function integer(environment: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = number(environment, name, fallback);
  if (!Number.isInteger(value))
    throw invalid(`${name} must be a whole number.`, `${name} должно быть целым числом.`);
  return value;
}

function optionalInteger<Key extends string>(
  environment: NodeJS.ProcessEnv,
  name: string,
  key: Key,
): Partial<Record<Key, number>> {
  if (!environment[name]) return {};
  return { [key]: integer(environment, name, 0) } as Partial<Record<Key, number>>;
}

function invalid(en: string, ru: string): SpravkaError {
  return new SpravkaError('config_invalid', text(en, ru), {
    hint: text(
      'Fix the environment variable and start again.',
      'Исправьте переменную окружения и запустите снова.',
    ),
  });
}
