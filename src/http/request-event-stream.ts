import type { Connection } from './connection.js';
import { describeError, HttpFailure } from './http-failure.js';
import { type RequestOptions, sendWithRetries } from './send-with-retries.js';
import { type ServerSentEvent, ServerSentEventParser } from './server-sent-events.js';

export interface EventStreamOptions extends RequestOptions {
  /** Longest silence allowed between two chunks once the first one has arrived. */
  idleTimeoutMilliseconds: number;
}

type Reader = ReadableStreamDefaultReader<Uint8Array>;

/**
 * A request answered with server-sent events, yielded as they arrive. `timeoutMilliseconds` covers each
 * attempt until the first byte of the body; failures until then are retried like `requestJson`'s
 * (the caller has seen nothing yet). After that nothing is retried: silence longer than
 * `idleTimeoutMilliseconds` or a broken connection is an HttpFailure with the response's status.
 * Cancelling the signal, or leaving the loop early, closes the connection at once.
 */
export async function* requestEventStream(
  url: string,
  options: EventStreamOptions,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const { reader, connection, first, status } = await sendWithRetries(
    url,
    { ...options, headers: { accept: 'text/event-stream', ...options.headers } },
    open,
  );
  const idle = {
    milliseconds: options.idleTimeoutMilliseconds,
    description: `no data for ${options.idleTimeoutMilliseconds} ms`,
  };
  const parser = new ServerSentEventParser();
  try {
    let chunk: Uint8Array | undefined = first;
    while (chunk) {
      yield* parser.push(chunk);
      chunk = await read(reader, connection, status, options.signal, idle);
    }
  } finally {
    connection.close();
  }
}

async function open(response: Response, connection: Connection) {
  const type = response.headers.get('content-type') ?? '';
  if ((type && !type.includes('text/event-stream')) || !response.body) {
    const detail = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new HttpFailure(
      `the answer is not an event stream (content-type ${type || 'none'})${detail ? `: ${detail}` : ''}`,
      response.status,
    );
  }
  const reader = response.body.getReader();
  // Still under the attempt's deadline: a server that sends headers and then nothing is as slow as one
  // that sends nothing, and the caller has seen nothing yet, so both are retried.
  const first = await read(reader, connection, response.status, undefined, undefined);
  connection.disarm();
  if (!first) {
    throw new HttpFailure('the server closed the stream before sending anything', response.status, {
      transient: true,
    });
  }
  return { reader, connection, first, status: response.status };
}

/** The next chunk, or undefined at the end of the body. */
async function read(
  reader: Reader,
  connection: Connection,
  status: number,
  signal: AbortSignal | undefined,
  deadline: { milliseconds: number; description: string } | undefined,
): Promise<Uint8Array | undefined> {
  if (deadline) connection.arm(deadline.milliseconds, deadline.description);
  try {
    const { done, value } = await reader.read();
    return done ? undefined : value;
  } catch (error) {
    signal?.throwIfAborted();
    throw new HttpFailure(connection.expired ?? describeError(error), status, { transient: true });
  } finally {
    if (deadline) connection.disarm();
  }
}
