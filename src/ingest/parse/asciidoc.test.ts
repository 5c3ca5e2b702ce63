import { describe, expect, it } from 'vitest';
import { parseAsciiDocText } from './asciidoc.js';
import { looksLikeAsciiDoc } from './asciidoc-structure.js';

const outline = (source: string) =>
  parseAsciiDocText(source, 'doc.adoc').sections.map(({ headingPath, startLine, endLine }) => ({
    headingPath,
    startLine,
    endLine,
  }));

describe('parseAsciiDocText', () => {
  it('reads one-line titles (= … ======) with paths and line ranges', () => {
    const source = [
      '= User Guide', // 1
      ':toc:', // 2
      '', // 3
      'Preamble.', // 4
      '', // 5
      '== Install', // 6
      'Get it.', // 7
      '', // 8
      '=== On Linux ===', // 9
      'Use apt.', // 10
      '', // 11
      '== Use', // 12
      'Run it.', // 13
    ].join('\n');
    const document = parseAsciiDocText(source, 'guide.adoc');
    expect(document.title).toBe('User Guide');
    expect(outline(source)).toEqual([
      { headingPath: ['User Guide'], startLine: 2, endLine: 4 },
      { headingPath: ['User Guide', 'Install'], startLine: 7, endLine: 7 },
      { headingPath: ['User Guide', 'Install', 'On Linux'], startLine: 10, endLine: 10 },
      { headingPath: ['User Guide', 'Use'], startLine: 13, endLine: 13 },
    ]);
    expect(document.sections[0]?.text).toBe(':toc:\n\nPreamble.');
  });

  it('reads underlined titles with all five underline levels', () => {
    const source = [
      'Manual',
      '======',
      '',
      'Chapter',
      '-------',
      'Text one.',
      '',
      'Section',
      '~~~~~~~',
      'Text two.',
      '',
      'Subsection',
      '^^^^^^^^^^',
      'Text three.',
      '',
      'Deepest',
      '+++++++',
      'Text four.',
    ].join('\n');
    expect(outline(source).map((section) => section.headingPath)).toEqual([
      ['Manual', 'Chapter'],
      ['Manual', 'Chapter', 'Section'],
      ['Manual', 'Chapter', 'Section', 'Subsection'],
      ['Manual', 'Chapter', 'Section', 'Subsection', 'Deepest'],
    ]);
  });

  it('accepts an underline up to two characters shorter or longer than the title', () => {
    const source = ['Close enough', '----------', 'Text.', '', 'Too short', '---', 'More.'].join('\n');
    expect(outline(source)).toEqual([{ headingPath: ['Close enough'], startLine: 3, endLine: 7 }]);
  });

  it('does not take listing delimiters, or lines inside blocks, for underlines', () => {
    const source = [
      'EXAMPLE', // 1
      '-------', // 2
      '', // 3
      'Run this:', // 4
      '----', // 5: opens a listing after text of another length
      'git merge', // 6
      '----', // 7
      '', // 8
      '------------', // 9: listing after a blank line
      '<<<<<<< ours', // 10
      '', // 11
      'Conflict', // 12: would be a title outside the block
      '========', // 13
      '------------', // 14
      '', // 15
      '....', // 16
      '', // 17
      'Literal', // 18
      '-------', // 19
      '....', // 20
      '', // 21
      '////', // 22
      '', // 23
      'Comment', // 24
      '=======', // 25
      '////', // 26
      '', // 27
      'NEXT', // 28
      '----', // 29
      'Done.', // 30
    ].join('\n');
    expect(outline(source)).toEqual([
      { headingPath: ['EXAMPLE'], startLine: 4, endLine: 26 },
      { headingPath: ['NEXT'], startLine: 30, endLine: 30 },
    ]);
  });

  it('does not take a one-line title inside an example block for a section', () => {
    const source = [
      '== Real',
      '',
      '====',
      '== Inside example',
      '----',
      '====',
      '----',
      '====',
      'After.',
    ].join('\n');
    expect(outline(source).map((section) => section.headingPath)).toEqual([['Real']]);
  });

  it('treats an unclosed delimiter as text, not as a block swallowing the rest', () => {
    const source = ['Intro.', '', '****', '', 'Later', '-----', 'Text.'].join('\n');
    expect(outline(source).map((section) => section.headingPath)).toEqual([[], ['Later']]);
  });

  it('does not take list items, description terms or block titles for titles', () => {
    const source = [
      '',
      '* item',
      '------',
      '',
      '--verbose::',
      '-----------',
      '',
      '.Block title',
      '------------',
    ].join('\n');
    expect(outline(source).map((section) => section.headingPath)).toEqual([[]]);
  });

  it('counts the anchor and attribute lines above a title as part of the title', () => {
    const source = [
      '== First',
      'Text.',
      '',
      '[[second]]',
      '[role="x"]',
      '== Second <<ref,see>>',
      'More.',
    ].join('\n');
    const document = parseAsciiDocText(source, 'a.adoc');
    expect(document.sections[0]).toMatchObject({ text: 'Text.', startLine: 2, endLine: 2 });
    expect(document.sections[1]).toMatchObject({ headingPath: ['Second see'], text: 'More.', startLine: 7 });
  });

  it('titles a man page with its NAME line, as Git writes them', () => {
    const source = [
      'git-merge(1)',
      '============',
      '',
      'NAME',
      '----',
      'git-merge - Join two or more development histories together',
      '',
      '',
      'SYNOPSIS',
      '--------',
      '[verse]',
      "'git merge' [-n] [--stat]",
      '',
      'OPTIONS[[OPTIONS]]',
      '------------------',
      'include::merge-options.txt[]',
    ].join('\n');
    const document = parseAsciiDocText(source, 'git-merge.txt');
    expect(document.title).toBe('git-merge(1): Join two or more development histories together');
    expect(document.sections.map((section) => section.headingPath)).toEqual([
      ['git-merge(1)', 'NAME'],
      ['git-merge(1)', 'SYNOPSIS'],
      ['git-merge(1)', 'OPTIONS'],
    ]);
    expect(document.sections[0]).toEqual({
      headingPath: ['git-merge(1)', 'NAME'],
      text: 'git-merge - Join two or more development histories together',
      startLine: 6,
      endLine: 6,
    });
  });

  it('titles a document without a level-0 title by its first title, else its file name', () => {
    expect(parseAsciiDocText('DATE FORMATS\n------------\n\nText.', 'date-formats.txt').title).toBe(
      'DATE FORMATS',
    );
    expect(parseAsciiDocText('Just text.', 'dir/x.adoc').title).toBe('x.adoc');
  });
});

describe('looksLikeAsciiDoc', () => {
  it('recognises either title style and nothing else', () => {
    expect(looksLikeAsciiDoc(['= Title', '', 'Text.'])).toBe(true);
    expect(looksLikeAsciiDoc(['', 'Heading', '=======', 'Text.'])).toBe(true);
    expect(looksLikeAsciiDoc(['Dear team,', '', 'the build is green.', '----', 'Ann'])).toBe(false);
    expect(looksLikeAsciiDoc(['a = b', 'x == y'])).toBe(false);
  });
});
