import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { decodeText } from './decode.js';
import { fileName } from './file-name.js';
import { readHtml } from './html-reader.js';

/**
 * Parses an HTML page into sections at its headings, without navigation, scripts or styles.
 * Title: the `<title>` element, else the first `<h1>`, else the file name.
 */
export function parseHtmlText(html: string, path: string): ParsedDocument {
  const content = readHtml(html);
  return {
    title: content.titleElement ?? content.firstTopHeading ?? fileName(path),
    kind: 'prose',
    sections: content.sections,
  };
}

/** HTML and XHTML pages. */
export const htmlParser: Parser = {
  name: 'html',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    return parseHtmlText(decodeText(input.bytes), input.path);
  },
};
