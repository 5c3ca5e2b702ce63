import { describe, expect, it } from 'vitest';
import { EventStreamParser, readEventStream, type ServerSentEvent } from './event-stream';

function parseChunks(chunks: string[]): ServerSentEvent[] {
  const parser = new EventStreamParser();
  const events = chunks.flatMap((chunk) => [...parser.push(chunk)]);
  return [...events, ...parser.end()];
}

describe('EventStreamParser', () => {
  it('reads named events with JSON data', () => {
    expect(parseChunks(['event: token\ndata: {"text":"Hi"}\n\n'])).toEqual([
      { event: 'token', data: '{"text":"Hi"}' },
    ]);
  });

  it('does not depend on where the network splits the stream', () => {
    const stream =
      'event: conversation\r\ndata: {"id":"c1"}\r\n\r\nevent: token\r\ndata: {"text":"a"}\r\n\r\n';
    const whole = parseChunks([stream]);
    for (let split = 1; split < stream.length; split++) {
      expect(parseChunks([stream.slice(0, split), stream.slice(split)])).toEqual(whole);
    }
    expect(whole.map((event) => event.event)).toEqual(['conversation', 'token']);
  });

  it('joins data lines, skips comments, and names unnamed events "message"', () => {
    expect(parseChunks([': keep-alive\n\ndata: one\ndata:two\n\n'])).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('ignores events without data and a last event without its blank line', () => {
    expect(parseChunks(['event: ping\n\n', 'event: token\ndata: {}'])).toEqual([]);
  });

  it('reads a fetch body', async () => {
    const bytes = new TextEncoder().encode('event: done\ndata: {"messageId":1}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const events: ServerSentEvent[] = [];
    for await (const event of readEventStream(body)) events.push(event);
    expect(events).toEqual([{ event: 'done', data: '{"messageId":1}' }]);
  });
});
