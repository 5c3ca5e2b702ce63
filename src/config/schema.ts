import { z } from 'zod';

/** Embedder choice: `none` (lexical only), `model2vec:<directory>` or `openai:<base URL>#<model>`. */
export const embedderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('model2vec'), path: z.string().min(1) }),
  z.object({
    kind: z.literal('openai'),
    baseUrl: z.url({ protocol: /^https?$/ }),
    model: z.string().min(1),
    apiKey: z.string().min(1).optional(),
  }),
]);
export type EmbedderConfig = z.infer<typeof embedderSchema>;

export const configSchema = z.object({
  dataDir: z.string().min(1),
  language: z.enum(['en', 'ru']),
  embedder: embedderSchema,
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
  }),
});
export type Config = z.infer<typeof configSchema>;
