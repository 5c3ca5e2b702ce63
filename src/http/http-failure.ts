/** A request that failed for good (after any retries): the reason, and the HTTP status when there was one. */
export class HttpFailure extends Error {
  /** Worth another attempt: network errors, timeouts, 408, 429, 5xx. */
  readonly transient: boolean;
  /** How long the server asked to wait before the next attempt (Retry-After). */
  readonly retryAfterMilliseconds: number | undefined;

  constructor(
    message: string,
    readonly status: number | undefined,
    options: { transient?: boolean; retryAfterMilliseconds?: number | undefined } = {},
  ) {
    super(message);
    this.transient = options.transient ?? false;
    this.retryAfterMilliseconds = options.retryAfterMilliseconds;
  }
}

/** The message of an error thrown by fetch, with its cause (undici puts the socket's reason there). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
