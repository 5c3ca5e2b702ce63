import { describe, expect, it } from 'vitest';
import { parsePlainText, textParser } from './text.js';

describe('parsePlainText', () => {
  it('keeps the text as one section trimmed of outer blank lines, with its line range', () => {
    const source = '\n\nMeeting notes\n\nFirst paragraph\ncontinues.\n\nSecond paragraph.\n\n';
    const document = parsePlainText(source, 'notes.txt');
    expect(document).toEqual({
      title: 'Meeting notes',
      kind: 'prose',
      sections: [
        {
          headingPath: [],
          text: 'Meeting notes\n\nFirst paragraph\ncontinues.\n\nSecond paragraph.',
          startLine: 3,
          endLine: 8,
        },
      ],
    });
  });

  it('titles by the file name when the first line is longer than 100 characters', () => {
    expect(parsePlainText(`${'word '.repeat(30)}\nmore`, 'dir/long.txt').title).toBe('long.txt');
    expect(parsePlainText(`${'x'.repeat(100)}\nmore`, 'dir/edge.txt').title).toBe('x'.repeat(100));
  });

  it('skips lines without letters or digits when choosing the title', () => {
    expect(parsePlainText('--\n\nReal first line\n', 'a.txt').title).toBe('Real first line');
  });

  it('hands text with AsciiDoc titles to the AsciiDoc parser', () => {
    const source = 'git-add(1)\n==========\n\nNAME\n----\ngit-add - Add file contents to the index\n';
    const document = parsePlainText(source, 'git-add.txt');
    expect(document.title).toBe('git-add(1): Add file contents to the index');
    expect(document.sections).toEqual([
      {
        headingPath: ['git-add(1)', 'NAME'],
        text: 'git-add - Add file contents to the index',
        startLine: 6,
        endLine: 6,
      },
    ]);
  });

  it('gives blank text no sections and the file name as title', () => {
    expect(parsePlainText(' \n\n', 'blank.txt')).toEqual({ title: 'blank.txt', kind: 'prose', sections: [] });
  });
});

describe('textParser', () => {
  it('decodes bytes with CRLF line ends and a BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Title\r\n\r\nBody\r\n')]);
    const document = await textParser.parse({ path: 'a.txt', bytes });
    expect(document.sections[0]).toEqual({
      headingPath: [],
      text: 'Title\n\nBody',
      startLine: 1,
      endLine: 3,
    });
  });
});
