import type { LocalizedText } from '../i18n/index.js';

/**
 * The model catalogue's contract: presets a user can name instead of a path, where their files live in
 * the data directory, and how they are downloaded (`spravka models pull`).
 */
export type ModelRole = 'llm' | 'embedder' | 'reranker';

/** How a preset runs: in-process from downloaded files, or on a model server the company runs. */
export type ModelRuntime = 'llama' | 'model2vec' | 'server';

export interface ModelFile {
  /** File name inside the preset's folder (`<data dir>/models/<preset>/<name>`). */
  name: string;
  url: string;
  /** Bytes. */
  size: number;
  sha256: string;
}

export interface ModelPreset {
  /** What users type: `SPRAVKA_LLM=llama:<name>`, `spravka models pull <name>`. */
  name: string;
  role: ModelRole;
  runtime: ModelRuntime;
  description: LocalizedText;
  /** e.g. ['ru', 'en']. */
  languages: string[];
  licence: string;
  /** Downloaded files; empty for `server` presets. The first file is the one the runtime loads. */
  files: ModelFile[];
  /** Part of the defaults (`SPRAVKA_LLM=auto` etc.) and of `models pull` without names. */
  isDefault: boolean;
  /** For `server` presets: how to serve it, e.g. Ollama's model tag, and the setting to use. */
  server?: { ollama?: string; vllm?: string; setting: string };
  /** Hardware it is meant for, shown by `models list`. */
  hardware: LocalizedText;
}

export type PullEvent =
  | { type: 'start'; preset: string; file: string; total: number; resumedFrom: number }
  | { type: 'progress'; preset: string; file: string; done: number; total: number }
  | { type: 'verified'; preset: string; file: string }
  | { type: 'present'; preset: string; file: string }
  /** A `server` preset: nothing is downloaded; it runs on a model server and is used through `setting`. */
  | { type: 'server'; preset: string; setting: string; ollama?: string; vllm?: string };
