import { describe, expect, it } from 'vitest';
import { sectionsFromHeadings } from './line-sections.js';

describe('sectionsFromHeadings', () => {
  const lines = ['', 'Preamble', '', 'H1', 'one', '', 'H2', '', 'H3', 'three', '', '', 'H2b', 'four', ''];

  it('nests by level, pops back to the right parent, and keeps the body without the heading', () => {
    const sections = sectionsFromHeadings(lines, [
      { level: 1, text: 'H1', line: 4, lineCount: 1 },
      { level: 3, text: 'H2', line: 7, lineCount: 1 },
      { level: 4, text: 'H3', line: 9, lineCount: 1 },
      { level: 2, text: 'H2b', line: 13, lineCount: 1 },
    ]);
    expect(sections).toEqual([
      { headingPath: [], text: 'Preamble', startLine: 2, endLine: 2 },
      { headingPath: ['H1'], text: 'one', startLine: 5, endLine: 5 },
      { headingPath: ['H1', 'H2', 'H3'], text: 'three', startLine: 10, endLine: 10 },
      { headingPath: ['H1', 'H2b'], text: 'four', startLine: 14, endLine: 14 },
    ]);
  });

  it('counts every line of a multi-line heading as heading, not body', () => {
    const sections = sectionsFromHeadings(
      ['Title', '=====', '', 'Next', '----', 'body'],
      [
        { level: 0, text: 'Title', line: 1, lineCount: 2 },
        { level: 1, text: 'Next', line: 4, lineCount: 2 },
      ],
    );
    expect(sections.map((section) => section.headingPath)).toEqual([['Title', 'Next']]);
  });
});
