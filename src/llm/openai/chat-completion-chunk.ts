import { z } from 'zod';

/** The fields of one `chat.completion.chunk` that are used. */
const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            /** DeepSeek's API, llama.cpp server, older vLLM. */
            reasoning_content: z.string().nullish(),
            /** Ollama, newer vLLM (which may send both, with the same text). */
            reasoning: z.string().nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative().nullish(),
      completion_tokens: z.number().int().nonnegative().nullish(),
    })
    .nullish(),
});

export type ChatCompletionChunk = z.infer<typeof chunkSchema>;

/** An error reported inside the stream: `{"error": {"message": …}}` or `{"error": "…"}`. */
const errorSchema = z.object({
  error: z.union([z.string(), z.looseObject({ message: z.string().nullish() })]),
});

export type ParsedChunk =
  | { kind: 'chunk'; chunk: ChatCompletionChunk }
  | { kind: 'error'; message: string }
  | { kind: 'malformed'; reason: string };

/** One `data:` payload of the stream, parsed and validated. */
export function parseChunk(data: string): ParsedChunk {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return { kind: 'malformed', reason: `not JSON: ${abbreviate(data)}` };
  }
  const error = errorSchema.safeParse(payload);
  if (error.success) {
    const reported = error.data.error;
    const message = typeof reported === 'string' ? reported : (reported.message ?? JSON.stringify(reported));
    return { kind: 'error', message: abbreviate(message) };
  }
  const chunk = chunkSchema.safeParse(payload);
  if (!chunk.success) {
    const issue = chunk.error.issues[0];
    const where = issue?.path.join('.') || 'chunk';
    return { kind: 'malformed', reason: `${where}: ${issue?.message ?? 'invalid'} in ${abbreviate(data)}` };
  }
  return { kind: 'chunk', chunk: chunk.data };
}

function abbreviate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
