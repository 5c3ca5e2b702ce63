import { countTokens } from '../../text/tokens.js';

const BLANK = /^\s*$/;

/**
 * A text split into lines once, with the tokens of every line counted once, so the chunkers can ask for
 * the text and the size of any line range without rescanning the text. Rows are 0-based here; chunks
 * report 1-based line numbers. Tokens of a range are the sum of its lines' tokens, which is exactly
 * countTokens of the joined range: no token spans a line break.
 */
export class SourceLines {
  readonly lines: readonly string[];
  /** tokensBefore[row] is the number of tokens in rows 0..row-1. */
  private readonly tokensBefore: Uint32Array;

  constructor(text: string) {
    const lines = text.split('\n');
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row] ?? '';
      if (line.endsWith('\r')) lines[row] = line.slice(0, -1);
    }
    this.lines = lines;
    this.tokensBefore = new Uint32Array(lines.length + 1);
    for (let row = 0; row < lines.length; row++) {
      this.tokensBefore[row + 1] = (this.tokensBefore[row] ?? 0) + countTokens(lines[row] ?? '');
    }
  }

  get count(): number {
    return this.lines.length;
  }

  line(row: number): string {
    return this.lines[row] ?? '';
  }

  /** Tokens in rows start..end, inclusive. */
  tokens(start: number, end: number): number {
    return (this.tokensBefore[end + 1] ?? 0) - (this.tokensBefore[start] ?? 0);
  }

  /** The text of rows start..end, inclusive, joined with '\n'. */
  text(start: number, end: number): string {
    return this.lines.slice(start, end + 1).join('\n');
  }

  isBlank(row: number): boolean {
    return BLANK.test(this.line(row));
  }

  /** The range without its leading and trailing blank rows, or undefined when every row is blank. */
  trim(start: number, end: number): { start: number; end: number } | undefined {
    let first = start;
    let last = end;
    while (first <= last && this.isBlank(first)) first++;
    while (last >= first && this.isBlank(last)) last--;
    return first > last ? undefined : { start: first, end: last };
  }
}
