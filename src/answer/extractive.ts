import type { SearchResult } from '../retrieval/index.js';
import { analyze, analyzeQuery } from '../text/analyze.js';

const MAX_PASSAGE_CHARACTERS = 500;
const MAX_CODE_LINES = 14;

/**
 * The passage of a result that best answers the query, for an extractive answer: for prose, the sentences
 * with the most query terms (at most two, in their original order); for code and other line-based text,
 * the lines around the first line that mentions a query term.
 */
export function bestPassage(
  queries: string[],
  result: SearchResult,
): { text: string; code: boolean; language?: string } {
  const terms = new Set(queries.flatMap((query) => analyzeQuery(query)));
  const score = (piece: string) => analyze(piece).filter((term) => terms.has(term)).length;
  if (result.kind === 'code') {
    const lines = result.text.split('\n');
    const first = Math.max(
      0,
      lines.findIndex((line) => score(line) > 0),
    );
    const start = Math.max(0, first - 2);
    const text = lines
      .slice(start, start + MAX_CODE_LINES)
      .join('\n')
      .trimEnd();
    return { text, code: true, ...(result.language ? { language: result.language } : {}) };
  }
  const sentences = result.text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}«"(])/u)
    .filter((sentence) => sentence.trim().length > 0);
  const ranked = sentences
    .map((sentence, position) => ({ sentence, position, score: score(sentence) }))
    .sort((left, right) => right.score - left.score || left.position - right.position)
    .slice(0, 2)
    .sort((left, right) => left.position - right.position);
  let passage = ranked.map((item) => item.sentence.trim()).join(' … ');
  if (passage.length > MAX_PASSAGE_CHARACTERS) passage = `${passage.slice(0, MAX_PASSAGE_CHARACTERS)}…`;
  return { text: passage, code: false };
}

/** One quoted passage of an extractive answer, cited by its source number. */
export function quotePassage(
  passage: { text: string; code: boolean; language?: string },
  n: number,
  title: string,
): string {
  if (passage.code) {
    const fence = `\`\`\`${passage.language ?? ''}`;
    return `${title} [${n}]:\n${fence}\n${passage.text.replaceAll('```', "'''")}\n\`\`\``;
  }
  return `> ${passage.text} [${n}]`;
}
