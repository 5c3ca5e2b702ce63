import type { ParsedDocument } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { fileName } from './file-name.js';
import { readHtml } from './html-reader.js';
import { parseFailure } from './parse-failure.js';

/**
 * Word documents: mammoth turns the DOCX into HTML (Heading 1–6 styles become `<h1>`…`<h6>`), which
 * is then read like any HTML page. Images are not extracted. Title: the first heading, else the file name.
 * Throws SpravkaError `parse_failed` for a file that is not a readable DOCX.
 */
export const docxParser: Parser = {
  name: 'docx',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    const html = await convertToHtml(input);
    const content = readHtml(html);
    return {
      title: content.firstHeading?.text ?? fileName(input.path),
      kind: 'prose',
      sections: content.sections,
    };
  },
};

async function convertToHtml(input: ParserInput): Promise<string> {
  try {
    const { default: mammoth } = await import('mammoth');
    const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: skipImages, externalFileAccess: false },
    );
    return result.value;
  } catch (error) {
    throw parseFailure(input.path, 'DOCX', error);
  }
}
