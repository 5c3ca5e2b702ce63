import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type SpravkaError, toSpravkaError } from '../../errors/index.js';
import { STATUS } from '../status.js';

/** The `type` of an OpenAI error body: the client's fault or the server's. */
export type OpenAIErrorType = 'invalid_request_error' | 'server_error';

/** A failure as the OpenAI API reports it: `{error: {message, type, param, code}}` with an HTTP status. */
export class OpenAIError extends Error {
  override readonly name = 'OpenAIError';
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
  }

  get type(): OpenAIErrorType {
    return this.status >= 500 ? 'server_error' : 'invalid_request_error';
  }

  toBody(): { error: { message: string; type: OpenAIErrorType; param: null; code: string } } {
    return { error: { message: this.message, type: this.type, param: null, code: this.code } };
  }
}

/** A request the client got wrong (400). */
export function invalidRequest(message: string): OpenAIError {
  return new OpenAIError(400, 'invalid_request', message);
}

/**
 * Anything thrown, as an OpenAI error: spravka's errors keep their code, English message and hint;
 * the detail of an unexpected one is not leaked.
 */
export function toOpenAIError(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  const failure = toSpravkaError(error);
  return new OpenAIError(STATUS[failure.code], failure.code, englishMessage(failure), { cause: error });
}

function englishMessage(failure: SpravkaError): string {
  if (failure.code === 'internal') return 'Internal error.';
  return failure.hint ? `${failure.text.en} ${failure.hint.en}` : failure.text.en;
}
