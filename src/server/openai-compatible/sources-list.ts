import type { AnswerResult, Citation } from '../../answer/index.js';

/**
 * The cited sources of an answer as a Markdown list to append to its text, for clients that show text
 * only: `Sources:` then `- [n] Title — url` (or `source/uri:lines` for a document without a URL).
 * Empty when nothing is cited (a not-found answer).
 */
export function sourcesList(citations: Citation[]): string {
  if (citations.length === 0) return '';
  const lines = citations.map((citation) => `- [${citation.n}] ${citation.title} — ${location(citation)}`);
  return `\n\nSources:\n${lines.join('\n')}`;
}

/** The answer as a plain-text client shows it: the text as it is, then its cited sources. */
export function answerWithSources(result: AnswerResult): string {
  return `${result.answer}${sourcesList(result.citations)}`;
}

function location(citation: Citation): string {
  if (citation.url) return citation.url;
  const lines = citation.lines ? `:${citation.lines.start}-${citation.lines.end}` : '';
  return `${citation.source}/${citation.uri}${lines}`;
}
