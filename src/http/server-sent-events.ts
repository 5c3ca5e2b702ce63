import { createParser, type EventSourceParser } from 'eventsource-parser';

/** One dispatched server-sent event: its type (`message` unless an `event:` field says otherwise) and data. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Server-sent events from a byte stream fed in arbitrary chunks: bytes are decoded as UTF-8 (characters
 * split across chunks kept whole) and parsed by `eventsource-parser` (every line ending, comments,
 * multi-line data). An event that the stream ends in the middle of is not dispatched.
 */
export class ServerSentEventParser {
  private readonly decoder = new TextDecoder();
  private readonly parser: EventSourceParser;
  private pending: ServerSentEvent[] = [];

  constructor() {
    this.parser = createParser({
      onEvent: (event) => {
        this.pending.push({ event: event.event ?? 'message', data: event.data });
      },
    });
  }

  push(chunk: Uint8Array | string): ServerSentEvent[] {
    this.parser.feed(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
