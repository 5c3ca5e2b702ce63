/**
 * A failed API call: the server's `{error: {code, message, hint}}` (message already in the UI's
 * language), or `network` when the server could not be reached at all.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly status: number;
  readonly hint: string | null;

  constructor({
    code,
    message,
    status,
    hint,
  }: { code: string; message: string; status: number; hint?: string | null }) {
    super(message);
    this.code = code;
    this.status = status;
    this.hint = hint ?? null;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
