/**
 * The line-window fallback: consecutive windows of whole lines, each at most maxTokens tokens, sharing
 * `overlapLines` lines with the previous window. Used for languages without a grammar and for declarations
 * too large to split any other way. Every non-blank line lands in at least one window.
 */
import type { Chunk } from '../../domain/types.js';
import { countTokens } from '../../text/tokens.js';
import type { ChunkingOptions } from '../types.js';
import { cutLine } from './lines-cut.js';
import { SourceLines } from './lines-source.js';

/** What every window of a range shares: where the range sits and what encloses it. */
export interface LineWindowBase {
  headingPath: string[];
  symbol?: string;
  /** The 1-based line number of the text's first line. */
  startLine: number;
}

/** One window row: a whole line, or a piece of a line too long for a window of its own. */
interface WindowRow {
  row: number;
  text: string;
  tokens: number;
}

/**
 * Splits a text into line windows of at most `options.maxTokens` tokens with `options.overlapLines` lines of
 * overlap; a line longer than maxTokens is cut into pieces. Windows of blank lines only are dropped, and
 * blank lines at a window's edges are left out. Chunk indexes count from 0 in the returned list.
 */
export function chunkByLines(
  text: string,
  options: ChunkingOptions,
  base: LineWindowBase = { headingPath: [], startLine: 1 },
): Chunk[] {
  const source = new SourceLines(text);
  return chunkLineRange(source, 0, source.count - 1, options, base);
}

/**
 * Line windows over rows start..end (0-based, inclusive) of an already split text; `base.startLine` is
 * the 1-based line number of row 0 of the source.
 */
export function chunkLineRange(
  source: SourceLines,
  start: number,
  end: number,
  options: ChunkingOptions,
  base: LineWindowBase,
): Chunk[] {
  const rows = windowRows(source, start, end, options.maxTokens);
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < rows.length) {
    let last = first;
    let tokens = rows[first]?.tokens ?? 0;
    while (last + 1 < rows.length && tokens + (rows[last + 1]?.tokens ?? 0) <= options.maxTokens) {
      last++;
      tokens += rows[last]?.tokens ?? 0;
    }
    const chunk = windowChunk(rows.slice(first, last + 1), base, chunks.length);
    if (chunk) chunks.push(chunk);
    if (last === rows.length - 1) break;
    // At most half a window repeats, so even windows of one or two long lines move forward.
    const overlap = Math.min(options.overlapLines, Math.floor((last - first + 1) / 2));
    first = Math.max(first + 1, last + 1 - overlap);
  }
  return chunks;
}

function windowRows(source: SourceLines, start: number, end: number, maxTokens: number): WindowRow[] {
  const rows: WindowRow[] = [];
  for (let row = start; row <= end; row++) {
    const text = source.line(row);
    const tokens = source.tokens(row, row);
    if (tokens <= maxTokens) {
      rows.push({ row, text, tokens });
      continue;
    }
    for (const piece of cutLine(text, maxTokens, tokens)) {
      rows.push({ row, text: piece, tokens: countTokens(piece) });
    }
  }
  return rows;
}

function windowChunk(rows: WindowRow[], base: LineWindowBase, index: number): Chunk | undefined {
  let first = 0;
  let last = rows.length - 1;
  while (first <= last && isBlank(rows[first])) first++;
  while (last >= first && isBlank(rows[last])) last--;
  if (first > last) return undefined;
  let text = '';
  let tokens = 0;
  let previousRow = -1;
  let joinsPieces = false;
  for (let position = first; position <= last; position++) {
    const row = rows[position];
    if (!row) continue;
    if (position > first) {
      joinsPieces ||= row.row === previousRow;
      text += row.row === previousRow ? '' : '\n';
    }
    text += row.text;
    tokens += row.tokens;
    previousRow = row.row;
  }
  // Two pieces of one cut line may split a word that counts as one token when whole.
  if (joinsPieces) tokens = countTokens(text);
  return {
    index,
    text,
    headingPath: base.headingPath,
    ...(base.symbol === undefined ? {} : { symbol: base.symbol }),
    startLine: base.startLine + (rows[first]?.row ?? 0),
    endLine: base.startLine + (rows[last]?.row ?? 0),
    tokens,
  };
}

function isBlank(row: WindowRow | undefined): boolean {
  return row === undefined || row.text.trim() === '';
}
