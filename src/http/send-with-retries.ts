import { Connection } from './connection.js';
import { describeError, HttpFailure } from './http-failure.js';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  /** Per attempt: until the response is received (what "received" means is up to the caller's `receive`). */
  timeoutMilliseconds: number;
  /** Retries after the first attempt, for network errors, timeouts, 408, 429 and 5xx. */
  retries: number;
  /** First backoff; doubles each retry, capped at 10 s; a Retry-After header wins. */
  backoffMilliseconds?: number;
  signal?: AbortSignal;
}

/**
 * Sends a request until `receive` accepts an OK response, with a deadline per attempt (armed before the
 * request, still running while `receive` reads) and exponential backoff between attempts for transient
 * failures: network errors, timeouts, 408, 429 (honouring Retry-After), 5xx, and any transient
 * HttpFailure that `receive` throws. Other failures are thrown at once; cancellation throws the signal's
 * reason.
 *
 * When `receive` returns, the connection is its result's to finish or close; when anything throws,
 * the connection is closed here.
 */
export async function sendWithRetries<Result>(
  url: string,
  options: RequestOptions,
  receive: (response: Response, connection: Connection) => Promise<Result>,
): Promise<Result> {
  let backoff = options.backoffMilliseconds ?? 500;
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const connection = new Connection(options.signal);
    connection.arm(options.timeoutMilliseconds, `no answer within ${options.timeoutMilliseconds} ms`);
    let failure: HttpFailure;
    try {
      return await receive(await send(url, options, connection), connection);
    } catch (error) {
      connection.close();
      options.signal?.throwIfAborted();
      if (!(error instanceof HttpFailure)) throw error;
      failure = error;
    }
    if (!failure.transient || attempt >= options.retries) throw failure;
    await sleep(failure.retryAfterMilliseconds ?? backoff, options.signal);
    backoff = Math.min(10_000, backoff * 2);
  }
}

async function send(url: string, options: RequestOptions, connection: Connection): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: connection.signal,
    });
  } catch (error) {
    throw new HttpFailure(connection.expired ?? describeError(error), undefined, { transient: true });
  }
  if (response.ok) return response;
  // The server's own words help the user (e.g. "model 'x' not found"); an unreadable body just has none.
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  const status = response.status;
  throw new HttpFailure(`HTTP ${status}${detail ? `: ${detail}` : ''}`, status, {
    transient: status === 408 || status === 429 || status >= 500,
    retryAfterMilliseconds: retryAfter(response),
  });
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(60_000, Math.max(0, seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(60_000, Math.max(0, date - Date.now()));
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const wake = () => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    };
    const cancel = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(wake, milliseconds);
    signal?.addEventListener('abort', cancel, { once: true });
  });
}
