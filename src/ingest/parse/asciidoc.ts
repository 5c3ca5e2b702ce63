import type { ParsedDocument, Section } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { findAsciiDocHeadings } from './asciidoc-structure.js';
import { decodeText } from './decode.js';
import { fileName } from './file-name.js';
import { type LineHeading, sectionsFromHeadings } from './line-sections.js';

/**
 * Parses AsciiDoc text into sections at its titles (`== Section` or underlined), with 1-based line
 * ranges. Title: the document title (level 0), with a man page's NAME line appended
 * (`git-merge(1): Join two or more development histories together`); else the first title; else the
 * file name.
 */
export function parseAsciiDocText(source: string, path: string): ParsedDocument {
  const lines = source.split('\n');
  const headings = findAsciiDocHeadings(lines);
  const sections = sectionsFromHeadings(lines, headings);
  return { title: documentTitle(headings, sections) ?? fileName(path), kind: 'prose', sections };
}

/** AsciiDoc files (`.adoc`, `.asciidoc`, `.asc`). */
export const asciiDocParser: Parser = {
  name: 'asciidoc',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    return parseAsciiDocText(decodeText(input.bytes), input.path);
  },
};

const MAN_PAGE_TITLE = /\(\d\w*\)$/;
const NAME_LINE = /^\S+(?:,\s*\S+)*\s+-{1,2}\s+(.+)$/;

function documentTitle(headings: readonly LineHeading[], sections: readonly Section[]): string | undefined {
  const top = headings.find((heading) => heading.level === 0);
  if (!top) return headings[0]?.text;
  if (!MAN_PAGE_TITLE.test(top.text)) return top.text;
  const description = manPageDescription(headings, sections);
  return description === undefined ? top.text : `${top.text}: ${description}`;
}

/** The description in a man page's NAME section (`git-merge - Join two…` → `Join two…`). */
function manPageDescription(
  headings: readonly LineHeading[],
  sections: readonly Section[],
): string | undefined {
  const name = headings.find((heading) => heading.level === 1 && heading.text.toUpperCase() === 'NAME');
  if (!name) return undefined;
  const bodyStart = name.line + name.lineCount;
  const section = sections.find((candidate) => (candidate.startLine ?? 0) >= bodyStart);
  if (section?.headingPath.at(-1) !== name.text) return undefined;
  const firstLine = section.text.split('\n')[0]?.trim();
  return firstLine === undefined ? undefined : NAME_LINE.exec(firstLine)?.[1]?.trim();
}
