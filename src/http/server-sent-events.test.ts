import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, ServerSentEventParser } from './server-sent-events.js';

function parse(chunks: Array<Uint8Array | string>): ServerSentEvent[] {
  const parser = new ServerSentEventParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

describe('ServerSentEventParser', () => {
  const stream =
    '\uFEFF: keep-alive\n' +
    'data: {"a":"б"}\n\n' +
    'event: error\r\ndata:{"error":1}\r\n\r\n' +
    'id: 7\rdata: line one\rdata\rdata:  two spaces\r\r' +
    'retry: 10\ndata: [DONE]\n\n' +
    'data: cut off';
  const expected: ServerSentEvent[] = [
    { event: 'message', data: '{"a":"б"}' },
    { event: 'error', data: '{"error":1}' },
    { event: 'message', data: 'line one\n\n two spaces' },
    { event: 'message', data: '[DONE]' },
  ];

  it('handles every line ending, comments, fields, multi-line data, and drops an unfinished event', () => {
    expect(parse([new TextEncoder().encode(stream)])).toEqual(expected);
  });

  it('gives the same events however the bytes are cut (inside CRLF and inside a UTF-8 character)', () => {
    const bytes = new TextEncoder().encode(stream);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(parse([bytes.slice(0, cut), bytes.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    }
    expect(parse([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(expected);
  });

  it('ignores events without data', () => {
    expect(parse(['event: ping\n\n', ':\n\n', 'data\n\n'])).toEqual([{ event: 'message', data: '' }]);
  });
});
