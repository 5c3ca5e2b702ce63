/** One server-sent event: its `event:` name (`message` when absent) and its `data:` lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` body (https://html.spec.whatwg.org/#event-stream-interpretation).
 * EventSource cannot POST, so the chat and sync streams are read from a fetch response with this.
 * Lines may end in LF, CRLF or CR, and may be split anywhere across network chunks.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  try {
    while (true) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      yield* parser.push(text);
      if (done) {
        yield* parser.end();
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** The line-level parser, separate from I/O so it can be fed any chunking. */
export class EventStreamParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];

  *push(text: string): Generator<ServerSentEvent> {
    this.#buffer += text;
    while (true) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) return;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event) yield event;
    }
  }

  /** The stream ended: a trailing line without its blank line is not dispatched (as the spec says). */
  *end(): Generator<ServerSentEvent> {
    if (this.#buffer.endsWith('\r')) {
      const line = this.#buffer.slice(0, -1);
      this.#buffer = '';
      const event = this.#line(line);
      if (event) yield event;
    }
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') {
      const event =
        this.#data.length > 0 ? { event: this.#event || 'message', data: this.#data.join('\n') } : undefined;
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    return undefined;
  }
}
