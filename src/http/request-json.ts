import type { z } from 'zod';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  /** Per attempt. */
  timeoutMilliseconds: number;
  /** Retries after the first attempt, for network errors, 408, 429 and 5xx. */
  retries: number;
  /** First backoff; doubles each retry, capped at 10 s; a Retry-After header wins. */
  backoffMilliseconds?: number;
  signal?: AbortSignal;
}

/** A request that failed for good (after any retries): the reason, and the HTTP status when there was one. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

const sleep = (milliseconds: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(60_000, Math.max(0, seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(60_000, Math.max(0, date - Date.now()));
}

/**
 * A JSON request to a model server with a timeout per attempt, retries with exponential backoff for
 * transient failures (network errors, 408, 429, 5xx; honouring Retry-After), cancellation, and the
 * response validated by a schema of only the fields used.
 */
export async function requestJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  options: RequestOptions,
): Promise<z.infer<Schema>> {
  let backoff = options.backoffMilliseconds ?? 500;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMilliseconds);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
      });
    } catch (error) {
      options.signal?.throwIfAborted();
      const reason = timeout.aborted ? `no answer within ${options.timeoutMilliseconds} ms` : describe(error);
      if (attempt < options.retries) {
        await sleep(backoff, options.signal);
        backoff = Math.min(10_000, backoff * 2);
        continue;
      }
      throw new HttpFailure(reason, undefined);
    }
    if (!response.ok) {
      const transient = response.status === 408 || response.status === 429 || response.status >= 500;
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      if (transient && attempt < options.retries) {
        await sleep(retryAfter(response) ?? backoff, options.signal);
        backoff = Math.min(10_000, backoff * 2);
        continue;
      }
      throw new HttpFailure(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, response.status);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new HttpFailure('the answer is not the expected JSON', response.status);
    return parsed.data;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** A model server failure as the user sees it, with what to check. */
export function modelServerError(url: string, failure: unknown): SpravkaError {
  const detail = failure instanceof Error ? failure.message : String(failure);
  const status = failure instanceof HttpFailure ? failure.status : undefined;
  const hint =
    status === 401 || status === 403
      ? text('Check the API key variable.', 'Проверьте переменную с ключом API.')
      : text(
          'Check that the model server is running and reachable at this address, then try again.',
          'Проверьте, что сервер модели запущен и доступен по этому адресу, и повторите.',
        );
  return new SpravkaError(
    'embedder_failed',
    text(`The model server at ${url} failed: ${detail}`, `Сервер модели ${url} ответил ошибкой: ${detail}`),
    { hint, cause: failure },
  );
}
