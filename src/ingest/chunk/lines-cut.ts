import { countTokens } from '../../text/tokens.js';

const LAST_BREAK = /[\s,;]\S*$/;

/**
 * Cuts one over-long line (minified code, a data blob) into pieces of at most maxTokens tokens each,
 * preferring to cut after whitespace, a comma or a semicolon in the second half of a piece. Work is linear
 * in the line's length: each piece is sized from the line's average characters per token and shrunk
 * until it fits. No piece is empty, and the pieces joined give the line back.
 */
export function cutLine(line: string, maxTokens: number, lineTokens = countTokens(line)): string[] {
  const limit = Math.max(1, maxTokens);
  if (lineTokens <= limit) return [line];
  const charactersPerToken = line.length / Math.max(1, lineTokens);
  const pieces: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = Math.min(line.length, start + Math.max(1, Math.floor(limit * charactersPerToken)));
    while (end - start > 1 && countTokens(line.slice(start, end)) > limit) {
      end = start + Math.max(1, Math.floor((end - start) * 0.9));
    }
    if (end < line.length) end = start + breakOffset(line.slice(start, end));
    pieces.push(line.slice(start, end));
    start = end;
  }
  return pieces;
}

/** Where to end a piece: just after its last break character when that is in its second half. */
function breakOffset(piece: string): number {
  const match = LAST_BREAK.exec(piece);
  if (match && match.index + 1 >= piece.length / 2) return match.index + 1;
  return piece.length;
}
