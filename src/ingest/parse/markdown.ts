import { Lexer, type Token, type Tokens } from 'marked';
import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { decodeText } from './decode.js';
import { fileName } from './file-name.js';
import { readFrontMatter } from './front-matter.js';
import { type LineHeading, sectionsFromHeadings } from './line-sections.js';

/**
 * Parses Markdown text into sections at its ATX (`## Title`) and setext (underlined) headings.
 * Headings are found with marked's block lexer, so `#` lines inside code fences, indented code,
 * block quotes and lists are not mistaken for headings. Section text stays Markdown source.
 * Title: the front matter `title`, else the first level-1 heading, else the file name.
 */
export function parseMarkdownText(source: string, path: string): ParsedDocument {
  const frontMatter = readFrontMatter(source);
  const lines = source.split('\n');
  const frontMatterLines = frontMatter?.lineCount ?? 0;
  for (let index = 0; index < frontMatterLines; index += 1) lines[index] = '';
  const headings = findHeadings(lines.join('\n'));
  const firstTitle = headings.find((heading) => heading.level === 1)?.text;
  return {
    title: frontMatter?.title ?? firstTitle ?? fileName(path),
    kind: 'prose',
    sections: sectionsFromHeadings(lines, headings),
  };
}

/** Markdown files (`.md`, `.markdown`…). */
export const markdownParser: Parser = {
  name: 'markdown',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    return parseMarkdownText(decodeText(input.bytes), input.path);
  },
};

function findHeadings(source: string): LineHeading[] {
  const headings: LineHeading[] = [];
  let offset = 0;
  let line = 1;
  for (const token of Lexer.lex(source, { gfm: true })) {
    const start = source.indexOf(token.raw, offset);
    if (start < 0) continue;
    line += countNewlines(source, offset, start);
    offset = start;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const text = plainText(heading.tokens).trim();
      const lineCount = heading.raw.trimEnd().split('\n').length;
      if (text.length > 0) headings.push({ level: heading.depth, text, line, lineCount });
    }
  }
  return headings;
}

/** Inline tokens as the text a reader sees: no emphasis marks, link targets or code backticks. */
function plainText(tokens: readonly Token[]): string {
  let result = '';
  for (const token of tokens) {
    if (token.type === 'html') continue;
    if ('tokens' in token && Array.isArray(token.tokens)) result += plainText(token.tokens);
    else if ('text' in token && typeof token.text === 'string') result += token.text;
  }
  return result;
}

function countNewlines(source: string, from: number, to: number): number {
  let count = 0;
  for (
    let index = source.indexOf('\n', from);
    index >= 0 && index < to;
    index = source.indexOf('\n', index + 1)
  ) {
    count += 1;
  }
  return count;
}
