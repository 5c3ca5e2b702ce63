/**
 * The parse area: file bytes → ParsedDocument. One parser per kind of file, chosen by extension from
 * one exhaustive registry; anything unknown is read as plain text.
 */
import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { asciiDocParser } from './asciidoc.js';
import { codeParser } from './code.js';
import { docxParser } from './docx.js';
import { htmlParser } from './html.js';
import { extensionOf, languageForPath } from './languages.js';
import { markdownParser } from './markdown.js';
import { pdfParser } from './pdf.js';
import { textParser } from './text.js';

export { decodeText } from './decode.js';
export { CODE_LANGUAGES, type CodeLanguage, isCodeLanguage, languageForPath } from './languages.js';

export const PARSER_KINDS = ['markdown', 'html', 'asciidoc', 'text', 'code', 'pdf', 'docx'] as const;
export type ParserKind = (typeof PARSER_KINDS)[number];

const PARSERS: Readonly<Record<ParserKind, Parser>> = {
  markdown: markdownParser,
  html: htmlParser,
  asciidoc: asciiDocParser,
  text: textParser,
  code: codeParser,
  pdf: pdfParser,
  docx: docxParser,
};

/** Document formats by extension; code files are recognised through languageForPath. */
const KIND_BY_EXTENSION: Readonly<Record<string, ParserKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.adoc': 'asciidoc',
  '.asciidoc': 'asciidoc',
  '.asc': 'asciidoc',
  '.txt': 'text',
  '.text': 'text',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Which parser reads a file, from its path's extension (case-insensitive); `text` when none claims it. */
export function parserKindForPath(path: string): ParserKind {
  const kind = KIND_BY_EXTENSION[extensionOf(path)];
  if (kind !== undefined) return kind;
  return languageForPath(path) === undefined ? 'text' : 'code';
}

/**
 * Parses one file with the parser for its extension.
 * Throws SpravkaError `parse_failed` when a binary format (PDF, DOCX) is malformed; text formats never fail.
 */
export function parseDocument(input: ParserInput): Promise<ParsedDocument> {
  return PARSERS[parserKindForPath(input.path)].parse(input);
}
