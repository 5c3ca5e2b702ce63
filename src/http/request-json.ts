import type { z } from 'zod';
import { describeError, HttpFailure } from './http-failure.js';
import { type RequestOptions, sendWithRetries } from './send-with-retries.js';

export { HttpFailure } from './http-failure.js';
export { modelServerError } from './model-server-error.js';
export type { RequestOptions } from './send-with-retries.js';

/**
 * A JSON request to a model server with a timeout per attempt (covering the whole answer), retries with
 * exponential backoff for transient failures (network errors, timeouts, 408, 429, 5xx; honouring
 * Retry-After), cancellation, and the response validated by a schema of only the fields used.
 */
export async function requestJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  options: RequestOptions,
): Promise<z.infer<Schema>> {
  return sendWithRetries(url, options, async (response, connection) => {
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      options.signal?.throwIfAborted();
      throw new HttpFailure(connection.expired ?? describeError(error), response.status, { transient: true });
    }
    connection.finish();
    const parsed = schema.safeParse(parseJson(body));
    if (!parsed.success) throw new HttpFailure('the answer is not the expected JSON', response.status);
    return parsed.data;
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
