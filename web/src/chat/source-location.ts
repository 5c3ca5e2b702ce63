import type { LineRange } from '../api';

/** Where a passage is, for people: `source/uri:10-24` (or `:10` for one line). */
export function locationOf({
  source,
  uri,
  lines,
}: {
  source: string;
  uri: string;
  lines?: LineRange;
}): string {
  const range = lines ? (lines.start === lines.end ? `:${lines.start}` : `:${lines.start}-${lines.end}`) : '';
  return `${source}/${uri}${range}`;
}

/** Only web links open from a citation; anything else (`javascript:`, `data:`, `file:`) is not a link. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, globalThis.location?.origin ?? 'http://localhost');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The start of a passage, cut at a word, for a preview. */
export function snippetOf(text: string, length = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length * 0.6 ? cut.slice(0, space) : cut}…`;
}
