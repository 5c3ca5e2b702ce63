import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { decodeText } from './decode.js';
import { languageForPath } from './languages.js';

/**
 * Source code as one section covering the whole file; the code chunker splits it by syntax.
 * The language comes from the extension; the title is the path, which is how people name code.
 * A blank file has no sections.
 */
export const codeParser: Parser = {
  name: 'code',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    const text = decodeText(input.bytes);
    const language = languageForPath(input.path);
    const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const sections =
      text.trim().length === 0 ? [] : [{ headingPath: [], text, startLine: 1, endLine: lineCount }];
    return { title: input.path, kind: 'code', ...(language === undefined ? {} : { language }), sections };
  },
};
