import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isSpravkaError } from '../../errors/index.js';
import { docxParser } from './docx.js';

const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraph(text: string, style?: string): string {
  const properties = style === undefined ? '' : `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`;
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function headingStyle(level: number): string {
  return `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/></w:style>`;
}

/** A minimal but real .docx: content types, package relationships, styles and the document body. */
async function makeDocx(bodyXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${WORD_NAMESPACE}">${headingStyle(1)}${headingStyle(2)}</w:styles>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${WORD_NAMESPACE}"><w:body>${bodyXml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('docxParser', () => {
  it('splits at Word heading styles and titles by the first heading', async () => {
    const bytes = await makeDocx(
      [
        paragraph('Регламент резервного копирования', 'Heading1'),
        paragraph('Копии делаются каждую ночь.'),
        paragraph('Restore', 'Heading2'),
        paragraph('Restores are tested monthly &amp; logged.'),
      ].join(''),
    );
    const document = await docxParser.parse({ path: 'policies/backup.docx', bytes });
    expect(document.title).toBe('Регламент резервного копирования');
    expect(document.sections).toEqual([
      { headingPath: ['Регламент резервного копирования'], text: 'Копии делаются каждую ночь.' },
      {
        headingPath: ['Регламент резервного копирования', 'Restore'],
        text: 'Restores are tested monthly & logged.',
      },
    ]);
  });

  it('titles a document without headings by its file name', async () => {
    const bytes = await makeDocx(paragraph('Only a paragraph.'));
    const document = await docxParser.parse({ path: 'memo.docx', bytes });
    expect(document.title).toBe('memo.docx');
    expect(document.sections).toEqual([{ headingPath: [], text: 'Only a paragraph.' }]);
  });

  async function expectParseFailure(bytes: Uint8Array): Promise<void> {
    const error = await docxParser.parse({ path: 'bad.docx', bytes }).catch((caught: unknown) => caught);
    expect(isSpravkaError(error)).toBe(true);
    if (!isSpravkaError(error)) return;
    expect(error.code).toBe('parse_failed');
    expect(error.text.en).toContain('bad.docx');
    expect(error.text.ru).toContain('DOCX');
  }

  it('rejects bytes that are not a zip with parse_failed', async () => {
    await expectParseFailure(new TextEncoder().encode('not a docx at all'));
  });

  it('rejects a zip without a Word document with parse_failed', async () => {
    await expectParseFailure(await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'uint8array' }));
  });
});
