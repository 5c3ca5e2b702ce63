import { ApiError } from './api-error';
import { readEventStream, type ServerSentEvent } from './event-stream';
import type { Language } from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportOptions {
  /** The UI's language, sent as Accept-Language so error messages come back in it. */
  language: () => Language;
  /** Called when a signed-in call is refused with 401: the session has ended. */
  onUnauthorized: () => void;
}

/**
 * HTTP to the spravka API with the browser session: the cookie goes by itself (same origin), the CSRF
 * token from login / me / setup goes in `X-CSRF-Token` on every state-changing request.
 */
export class Transport {
  csrfToken: string | undefined;
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  async json<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.#fetch(method, path, body, 'application/json', signal);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** A request answered with `text/event-stream`; the events are read as they arrive. */
  async *events(
    method: Method,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): AsyncGenerator<ServerSentEvent> {
    const response = await this.#fetch(method, path, body, 'text/event-stream', signal);
    if (!response.body) return;
    yield* readEventStream(response.body);
  }

  async #fetch(
    method: Method,
    path: string,
    body: unknown,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, 'Accept-Language': this.#options.language() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ code: 'network', message: String(error), status: 0 });
    }
    if (response.ok) return response;
    const failure = await errorOf(response);
    if (response.status === 401 && !path.startsWith('/api/auth/') && !path.startsWith('/api/setup')) {
      this.#options.onUnauthorized();
    }
    throw failure;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; hint?: string | null };
    };
    if (body.error?.code && body.error.message) {
      return new ApiError({
        ...body.error,
        code: body.error.code,
        message: body.error.message,
        status: response.status,
      });
    }
  } catch {
    // Not the API's JSON (a proxy's error page, say): described by the status below.
  }
  return new ApiError({
    code: `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  });
}
