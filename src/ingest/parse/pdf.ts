import type { ParsedDocument, Section } from '../../domain/types.js';
import type { Parser, ParserInput } from '../types.js';
import { fileName } from './file-name.js';
import { parseFailure } from './parse-failure.js';

/**
 * PDF files, read with unpdf (PDF.js), loaded only when a PDF is met. One section per page that has
 * text, with heading path `Page N`. Title: the document's Title metadata, else the file name.
 * Throws SpravkaError `parse_failed` for a file PDF.js cannot open.
 */
export const pdfParser: Parser = {
  name: 'pdf',
  async parse(input: ParserInput): Promise<ParsedDocument> {
    const { pages, metadataTitle } = await readPdf(input);
    const sections: Section[] = [];
    pages.forEach((page, index) => {
      const text = tidyPageText(page);
      if (text.length > 0) sections.push({ headingPath: [`Page ${index + 1}`], text });
    });
    return { title: metadataTitle ?? fileName(input.path), kind: 'prose', sections };
  },
};

/** PDF.js verbosity level 0: report errors, not warnings about repairing damaged files. */
const ERRORS_ONLY = 0;

interface PdfContent {
  pages: string[];
  metadataTitle: string | undefined;
}

async function readPdf(input: ParserInput): Promise<PdfContent> {
  try {
    const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
    // PDF.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    const document = await getDocumentProxy(new Uint8Array(input.bytes), { verbosity: ERRORS_ONLY });
    try {
      const { text } = await extractText(document, { mergePages: false });
      const { info } = await getMeta(document);
      return { pages: text, metadataTitle: metadataTitle(info) };
    } finally {
      await document.destroy();
    }
  } catch (error) {
    throw parseFailure(input.path, 'PDF', error);
  }
}

function metadataTitle(info: Readonly<Record<string, unknown>>): string | undefined {
  const title = info.Title;
  if (typeof title !== 'string') return undefined;
  const trimmed = title.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Page text with trailing spaces and runs of blank lines removed. */
function tidyPageText(page: string): string {
  return page
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
