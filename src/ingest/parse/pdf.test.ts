import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isSpravkaError } from '../../errors/index.js';
import { pdfParser } from './pdf.js';

async function makePdf(pages: string[][], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title !== undefined) pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([400, 400]);
    lines.forEach((line, index) => {
      page.drawText(line, { x: 40, y: 340 - index * 20, size: 12, font });
    });
  }
  return pdf.save();
}

describe('pdfParser', () => {
  it('gives one section per page with text, titled from the metadata', async () => {
    const bytes = await makePdf(
      [['Backup policy', 'Snapshots run nightly at 02:00.'], [], ['Restores are tested monthly.']],
      'Operations Handbook',
    );
    const document = await pdfParser.parse({ path: 'docs/ops.pdf', bytes });
    expect(document.title).toBe('Operations Handbook');
    expect(document.kind).toBe('prose');
    expect(document.sections.map((section) => section.headingPath)).toEqual([['Page 1'], ['Page 3']]);
    expect(document.sections[0]?.text).toContain('Backup policy');
    expect(document.sections[0]?.text).toContain('Snapshots run nightly at 02:00.');
    expect(document.sections[1]?.text).toBe('Restores are tested monthly.');
  });

  it('titles by the file name without metadata, and leaves the caller’s bytes usable', async () => {
    const bytes = await makePdf([['Hello PDF']]);
    const length = bytes.byteLength;
    const document = await pdfParser.parse({ path: 'scans/hello.pdf', bytes });
    expect(document.title).toBe('hello.pdf');
    expect(bytes.byteLength).toBe(length);
    expect((await pdfParser.parse({ path: 'again.pdf', bytes })).sections[0]?.text).toBe('Hello PDF');
  });

  it('rejects a malformed PDF with parse_failed in both languages', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n%%EOF');
    const error = await pdfParser.parse({ path: 'broken.pdf', bytes }).catch((caught: unknown) => caught);
    expect(isSpravkaError(error)).toBe(true);
    if (!isSpravkaError(error)) return;
    expect(error.code).toBe('parse_failed');
    expect(error.text.en).toContain('broken.pdf');
    expect(error.text.ru).toContain('broken.pdf');
    expect(error.hint?.ru.length).toBeGreaterThan(0);
  });
});
