import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { SpravkaError } from '../errors/index.js';
import { pickLanguage, text } from '../i18n/index.js';
import { DEFAULT_CHUNKING } from '../ingest/types.js';
import { DEFAULT_RETRIEVAL } from '../retrieval/types.js';
import { readConfigFile } from './config-file.js';
import {
  parseEmbedderSetting,
  parseLlmSetting,
  parseRerankerSetting,
  SettingError,
} from './model-settings.js';
import { type Config, configSchema } from './schema.js';

export interface ConfigOverrides {
  dataDir?: string;
  /** A configuration file that must exist (`--config`); SPRAVKA_CONFIG otherwise, then `<data dir>/spravka.json`. */
  configFile?: string;
  host?: string;
  port?: number;
}

/** Threads for in-process models: half the cores (at most 8), at least one — see docs/models.md. */
export function defaultThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, Math.floor(cores / 2)));
}

/**
 * Reads the configuration once, from command-line overrides, the environment and the configuration
 * file (in that order of precedence), and validates it. A wrong value fails here, naming the variable to
 * fix, instead of surfacing later as a strange error.
 */
export function loadConfig(processEnvironment: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const explicitFile = overrides.configFile ?? processEnvironment.SPRAVKA_CONFIG;
  const fileSettings = explicitFile ? readConfigFile(resolve(explicitFile), true) : {};
  const dataDir = resolve(
    overrides.dataDir ?? processEnvironment.SPRAVKA_DATA_DIR ?? fileSettings.SPRAVKA_DATA_DIR ?? './data',
  );
  const environment = {
    ...(explicitFile ? fileSettings : readConfigFile(join(dataDir, 'spravka.json'), false)),
    ...processEnvironment,
  };
  let models: Pick<Config, 'embedder' | 'llm' | 'reranker'>;
  try {
    models = {
      embedder: parseEmbedderSetting(
        environment.SPRAVKA_EMBEDDER ?? 'auto',
        environment.SPRAVKA_EMBEDDER_API_KEY,
      ),
      llm: parseLlmSetting(environment.SPRAVKA_LLM ?? 'auto', environment.SPRAVKA_LLM_API_KEY),
      reranker: parseRerankerSetting(environment.SPRAVKA_RERANKER ?? 'auto'),
    };
  } catch (error) {
    if (error instanceof SettingError) throw invalid(error.problem.en, error.problem.ru);
    throw error;
  }
  const candidate = {
    dataDir,
    language: pickLanguage(environment.SPRAVKA_LANG, environment.LC_ALL, environment.LANG),
    ...models,
    runtime: {
      threads: integer(environment, 'SPRAVKA_THREADS', defaultThreads()),
      ...optionalInteger(environment, 'SPRAVKA_LLM_CONTEXT', 'llmContextSize'),
      llmReasoning: environment.SPRAVKA_LLM_REASONING ?? 'auto',
    },
    answers: {
      maxAnswerTokens: integer(environment, 'SPRAVKA_ANSWER_TOKENS', 768),
      reasoningTokens: integer(environment, 'SPRAVKA_REASONING_TOKENS', 1024),
      temperature: number(environment, 'SPRAVKA_TEMPERATURE', 0.6),
      translateQueries: boolean(environment, 'SPRAVKA_TRANSLATE_QUERIES', true),
      followUps: environment.SPRAVKA_FOLLOW_UPS ?? 'model',
    },
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
      searchWorkers: integer(environment, 'SPRAVKA_SEARCH_WORKERS', Math.min(8, availableParallelism())),
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

function boolean(environment: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = environment[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw invalid(`${name}="${raw}" must be true or false.`, `${name}="${raw}" должно быть true или false.`);
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
      'Fix the environment variable (or the setting in the configuration file) and start again.',
      'Исправьте переменную окружения (или настройку в файле конфигурации) и запустите снова.',
    ),
  });
}
