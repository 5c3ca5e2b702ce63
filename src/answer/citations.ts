import type { AnswerSource, Citation } from './types.js';

/** `[1]`, `[2, 3]`, `[1-3]`, `[4; 5]`: the forms models use to cite. */
const CITATION = /\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]/g;
/** What may still become a citation once more text arrives. */
const CITATION_PREFIX = /^\[\s*\d{0,3}(?:\s*[,;–-]?\s*\d{0,3})*\s*$/;
const MAX_PENDING = 32;

/** The source numbers a citation marker names, ranges expanded (at most 10 wide). */
function citedNumbers(inside: string): number[] {
  const numbers: number[] = [];
  for (const part of inside.split(/\s*[,;]\s*/)) {
    const range = part.split(/\s*[–-]\s*/).map(Number);
    const [first, last] = [range[0] ?? Number.NaN, range[1] ?? range[0] ?? Number.NaN];
    if (range.length === 2 && last >= first && last - first <= 10) {
      for (let n = first; n <= last; n++) numbers.push(n);
    } else if (range.length === 1) numbers.push(first);
  }
  return numbers;
}

/**
 * Rewrites citation markers so that only numbers of real sources remain, each as `[n]`; a marker
 * citing nothing real disappears (with the space before it). Right after a word character (`a[0]`,
 * `items[12]`) a bracket is more likely code than a citation: it is kept unless it names a real source.
 * `previous` is the character before `value` when it is a piece of a longer text.
 */
export function cleanCitations(value: string, sourceCount: number, previous = ''): string {
  return value.replace(
    /(\s?)\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]/g,
    (whole: string, space: string, inside: string, offset: number) => {
      const valid = [...new Set(citedNumbers(inside))].filter((n) => n >= 1 && n <= sourceCount);
      const before = offset === 0 ? previous : value[offset - 1];
      if (valid.length === 0) return !space && before && /[\p{L}\p{N}_`]/u.test(before) ? whole : '';
      return `${space}${valid.map((n) => `[${n}]`).join('')}`;
    },
  );
}

/**
 * The streaming form of `cleanCitations`: text is passed through as it comes, except that from a `[`
 * on it is held back until it is clear whether a citation marker follows, so the streamed text is the
 * same as the final answer and never shows a number that matches no source.
 */
export class CitationFilter {
  /** Held text: one whitespace character that may precede a marker, and/or a marker in progress. */
  private pending = '';
  /** The last character let through: whether a marker follows a word matters (see cleanCitations). */
  private previous = '';

  constructor(private readonly sourceCount: number) {}

  push(delta: string): string {
    let output = '';
    for (const character of delta) {
      const passed = this.take(character);
      if (passed) this.previous = passed.at(-1) ?? this.previous;
      output += passed;
    }
    return output;
  }

  /** The rest, at the end of the stream. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  private take(character: string): string {
    const opened = this.pending.includes('[');
    if (!opened) {
      const held = this.pending;
      if (character === '[') {
        this.pending = `${held}[`;
        return '';
      }
      if (/\s/.test(character)) {
        this.pending = character;
        return held;
      }
      this.pending = '';
      return held + character;
    }
    this.pending += character;
    if (character === ']') {
      const marker = this.pending;
      this.pending = '';
      return cleanCitations(marker, this.sourceCount, this.previous);
    }
    const marker = this.pending.trimStart();
    if (CITATION_PREFIX.test(marker) && marker.length <= MAX_PENDING) return '';
    // Not a citation after all: let the text through; what followed the `[` may start a new marker.
    const bracket = this.pending.indexOf('[');
    const released = this.pending.slice(0, bracket + 1);
    const rest = this.pending.slice(bracket + 1);
    this.pending = '';
    return released + this.push(rest);
  }
}

/** The sources the answer cites, in order of first citation. */
export function extractCitations(answer: string, sources: AnswerSource[]): Citation[] {
  const seen = new Set<number>();
  const citations: Citation[] = [];
  for (const match of answer.matchAll(CITATION)) {
    for (const n of citedNumbers(match[1] ?? '')) {
      const source = sources.find((candidate) => candidate.n === n);
      if (!source || seen.has(n)) continue;
      seen.add(n);
      const citation: Citation = { n, source: source.source, uri: source.uri, title: source.title };
      if (source.url) citation.url = source.url;
      if (source.lines) citation.lines = source.lines;
      citations.push(citation);
    }
  }
  return citations;
}
