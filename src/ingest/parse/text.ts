import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { parseAsciiDocText } from './asciidoc.js';
import { looksLikeAsciiDoc } from './asciidoc-structure.js';
import { decodeText } from './decode.js';
import { fileName } from './file-name.js';
import { sectionsFromHeadings } from './line-sections.js';

const LONGEST_TITLE_LINE = 100;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Parses plain text as one section (the chunker splits it at blank-line paragraphs), trimmed of leading
 * and trailing blank lines. Text with AsciiDoc section titles (Git's manual pages are `.txt`) goes to
 * the AsciiDoc parser instead. Title: the first line with a letter or digit if it is at most 100 characters, else the
 * file name.
 */
export function parsePlainText(source: string, path: string): ParsedDocument {
  const lines = source.split('\n');
  if (looksLikeAsciiDoc(lines)) return parseAsciiDocText(source, path);
  const firstLine = lines.find((line) => LETTER_OR_DIGIT.test(line))?.trim();
  const title =
    firstLine !== undefined && firstLine.length <= LONGEST_TITLE_LINE ? firstLine : fileName(path);
  return { title, kind: 'prose', sections: sectionsFromHeadings(lines, []) };
}

/** Plain text, and any file whose extension no other parser claims. */
export const textParser: Parser = {
  name: 'text',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    return parsePlainText(decodeText(input.bytes), input.path);
  },
};
