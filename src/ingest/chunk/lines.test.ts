import { describe, expect, it } from 'vitest';
import { countTokens } from '../../text/tokens.js';
import { chunkByLines } from './lines.js';
import { cutLine } from './lines-cut.js';

/** Lines of 10 tokens each: `line N has exactly ten short tokens here ok` style. */
function tenTokenLines(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `line ${index + 1} a b c d e f g h`);
}

describe('chunkByLines', () => {
  it('makes windows of at most maxTokens with the requested overlap and 1-based inclusive lines', () => {
    const lines = tenTokenLines(20);
    expect(lines.every((line) => countTokens(line) === 10)).toBe(true);
    const chunks = chunkByLines(lines.join('\n'), { maxTokens: 50, overlapLines: 2 });
    expect(chunks.map((chunk) => [chunk.startLine, chunk.endLine])).toEqual([
      [1, 5],
      [4, 8],
      [7, 11],
      [10, 14],
      [13, 17],
      [16, 20],
    ]);
    expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBe(50);
      expect(chunk.text).toBe(lines.slice((chunk.startLine ?? 0) - 1, chunk.endLine).join('\n'));
    }
  });

  it('does not overlap when overlapLines is 0', () => {
    const chunks = chunkByLines(tenTokenLines(9).join('\n'), { maxTokens: 30, overlapLines: 0 });
    expect(chunks.map((chunk) => [chunk.startLine, chunk.endLine])).toEqual([
      [1, 3],
      [4, 6],
      [7, 9],
    ]);
  });

  it('places windows after the base start line and carries the heading path and symbol', () => {
    const chunks = chunkByLines(
      tenTokenLines(4).join('\n'),
      { maxTokens: 20, overlapLines: 0 },
      {
        headingPath: ['class Worker'],
        symbol: 'Worker.run',
        startLine: 100,
      },
    );
    expect(chunks.map((chunk) => [chunk.startLine, chunk.endLine])).toEqual([
      [100, 101],
      [102, 103],
    ]);
    expect(chunks.every((chunk) => chunk.symbol === 'Worker.run')).toBe(true);
    expect(chunks.every((chunk) => chunk.headingPath.join() === 'class Worker')).toBe(true);
  });

  it('drops windows of blank lines and trims blank lines at window edges', () => {
    const text = ['', 'first a b c', '', '', '   ', '', '', '', 'later a b c', ''].join('\n');
    const chunks = chunkByLines(text, { maxTokens: 4, overlapLines: 0 });
    expect(chunks.map((chunk) => [chunk.startLine, chunk.endLine, chunk.text])).toEqual([
      [2, 2, 'first a b c'],
      [9, 9, 'later a b c'],
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(chunkByLines('', { maxTokens: 10, overlapLines: 2 })).toEqual([]);
    expect(chunkByLines('\n  \n\t\n', { maxTokens: 10, overlapLines: 2 })).toEqual([]);
  });

  it('cuts an over-long line so that no window exceeds maxTokens, keeping its line number', () => {
    const long = Array.from({ length: 500 }, (_, index) => `word${index}`).join(' ');
    const text = ['before', long, 'after'].join('\n');
    const chunks = chunkByLines(text, { maxTokens: 40, overlapLines: 1 });
    expect(chunks.every((chunk) => chunk.tokens <= 40)).toBe(true);
    expect(chunks.every((chunk) => chunk.tokens === countTokens(chunk.text))).toBe(true);
    const onLongLine = chunks.filter((chunk) => chunk.startLine === 2 && chunk.endLine === 2);
    expect(onLongLine.length).toBeGreaterThan(10);
    expect(chunks[0]?.startLine).toBe(1);
    expect(chunks.at(-1)?.endLine).toBe(3);
    expect(chunks.some((chunk) => chunk.text.includes('word499'))).toBe(true);
  });

  it('treats CRLF line ends like LF', () => {
    const chunks = chunkByLines('one a\r\ntwo b\r\nthree c', { maxTokens: 4, overlapLines: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(['one a\ntwo b', 'three c']);
  });

  it('moves forward even when the overlap is as large as the windows', () => {
    const chunks = chunkByLines(tenTokenLines(6).join('\n'), { maxTokens: 10, overlapLines: 5 });
    expect(chunks.map((chunk) => [chunk.startLine, chunk.endLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
  });
});

describe('cutLine', () => {
  it('returns a short line as it is', () => {
    expect(cutLine('const a = 1;', 10)).toEqual(['const a = 1;']);
  });

  it('cuts a long line into pieces within the limit that join back into the line', () => {
    const line = Array.from({ length: 300 }, (_, index) => `call(${index}, "x")`).join(';');
    const pieces = cutLine(line, 25);
    expect(pieces.join('')).toBe(line);
    expect(pieces.every((piece) => piece.length > 0 && countTokens(piece) <= 25)).toBe(true);
    expect(pieces.length).toBeGreaterThan(line.length / 25 / 5);
  });

  it('prefers to cut after a space', () => {
    const line = Array.from({ length: 100 }, () => 'alpha').join(' ');
    const pieces = cutLine(line, 10);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith(' '))).toBe(true);
    expect(pieces.join('')).toBe(line);
  });

  it('cuts a line without any break character, such as base64', () => {
    const line = 'QUJD'.repeat(2000);
    const pieces = cutLine(line, 50);
    expect(pieces.join('')).toBe(line);
    expect(pieces.every((piece) => countTokens(piece) <= 50)).toBe(true);
  });
});
