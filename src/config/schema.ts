import { z } from 'zod';

/** A model server that speaks OpenAI's API: `openai:<base URL>#<model>`. */
const openaiServer = z.object({
  kind: z.literal('openai'),
  baseUrl: z.url({ protocol: /^https?$/ }),
  model: z.string().min(1),
  apiKey: z.string().min(1).optional(),
});

/** `auto`: the default preset when it has been pulled into the data directory, otherwise none. */
const auto = z.object({ kind: z.literal('auto') });
const none = z.object({ kind: z.literal('none') });
/** A GGUF file run in-process by node-llama-cpp: a path or a preset name. */
const llama = z.object({ kind: z.literal('llama'), model: z.string().min(1) });

export const embedderSchema = z.discriminatedUnion('kind', [
  auto,
  none,
  z.object({ kind: z.literal('model2vec'), model: z.string().min(1) }),
  llama,
  openaiServer,
]);
export type EmbedderConfig = z.infer<typeof embedderSchema>;

export const llmSchema = z.discriminatedUnion('kind', [auto, none, llama, openaiServer]);
export type LlmConfig = z.infer<typeof llmSchema>;

export const rerankerSchema = z.discriminatedUnion('kind', [auto, none, llama]);
export type RerankerConfig = z.infer<typeof rerankerSchema>;

export const configSchema = z.object({
  dataDir: z.string().min(1),
  language: z.enum(['en', 'ru']),
  embedder: embedderSchema,
  llm: llmSchema,
  reranker: rerankerSchema,
  runtime: z.object({
    /** CPU threads of in-process models; more than the cores is catastrophically slow. */
    threads: z.number().int().min(1).max(256),
    /** Context window of the language model in tokens; the model's own limit when absent. */
    llmContextSize: z.number().int().min(512).max(1_048_576).optional(),
    /**
     * How a model server's text shows reasoning when the server does not separate it (see the llm area):
     * `auto` guesses from the model name (R1, reasoner, QwQ… → detect), else tagged-only.
     */
    llmReasoning: z.enum(['auto', 'detect', 'starts-inside', 'tagged-only']),
  }),
  answers: z.object({
    /** Upper bound on the answer's tokens. */
    maxAnswerTokens: z.number().int().min(16).max(32_768),
    /** Upper bound on a reasoning model's thinking tokens, before the answer. */
    reasoningTokens: z.number().int().min(0).max(65_536),
    /** Sampling temperature of answers. */
    temperature: z.number().min(0).max(2),
    /** Also search with the question translated to the other language (needs a language model). */
    translateQueries: z.boolean(),
    /** Follow-ups rewritten by the language model, or simply joined to the previous question. */
    followUps: z.enum(['model', 'simple']),
  }),
  chunking: z.object({
    maxTokens: z.number().int().min(32).max(8192),
    overlapLines: z.number().int().min(0).max(50),
  }),
  retrieval: z.object({
    candidates: z.number().int().min(10).max(2000),
    lexicalWeight: z.number().min(0),
    vectorWeight: z.number().min(0),
  }),
  storage: z.object({
    /** Upper bound on the index file; writes beyond it fail like a full disk, leaving the index intact. */
    maxIndexMegabytes: z.number().int().positive().optional(),
  }),
  server: z.object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    /** Worker threads for searches in the server; 0 searches on the main thread. */
    searchWorkers: z.number().int().min(0).max(64),
  }),
});
export type Config = z.infer<typeof configSchema>;
