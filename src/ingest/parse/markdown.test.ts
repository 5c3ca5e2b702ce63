import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../domain/types.js';
import { parseMarkdownText } from './markdown.js';

/** Every section's text must be exactly its line range of the source. */
function expectExactLineRanges(source: string, document: ParsedDocument): void {
  const lines = source.split('\n');
  for (const section of document.sections) {
    expect(section.startLine).toBeGreaterThanOrEqual(1);
    expect(section.text).toBe(lines.slice((section.startLine ?? 0) - 1, section.endLine).join('\n'));
  }
}

describe('parseMarkdownText', () => {
  it('splits at ATX and setext headings with paths and 1-based line ranges', () => {
    const source = [
      'Intro line.', // 1
      '', // 2
      '# Guide', // 3
      '', // 4
      'Welcome.', // 5
      '', // 6
      'Install', // 7
      '-------', // 8
      'Run the installer.', // 9
      '', // 10
      '### Linux ###', // 11
      'Use apt.', // 12
      '', // 13
      '## Usage', // 14
      'Start it.', // 15
      '', // 16
    ].join('\n');
    const document = parseMarkdownText(source, 'docs/guide.md');
    expect(document.title).toBe('Guide');
    expect(
      document.sections.map(({ headingPath, startLine, endLine }) => ({ headingPath, startLine, endLine })),
    ).toEqual([
      { headingPath: [], startLine: 1, endLine: 1 },
      { headingPath: ['Guide'], startLine: 5, endLine: 5 },
      { headingPath: ['Guide', 'Install'], startLine: 9, endLine: 9 },
      { headingPath: ['Guide', 'Install', 'Linux'], startLine: 12, endLine: 12 },
      { headingPath: ['Guide', 'Usage'], startLine: 15, endLine: 15 },
    ]);
    expect(document.sections.map((section) => section.text)).toEqual([
      'Intro line.',
      'Welcome.',
      'Run the installer.',
      'Use apt.',
      'Start it.',
    ]);
    expectExactLineRanges(source, document);
  });

  it('does not take # lines in code fences, indented code or block quotes for headings', () => {
    const source = [
      '# Scripts',
      '',
      '```sh',
      '# install dependencies',
      'npm ci',
      '## not a heading either',
      '```',
      '',
      '~~~',
      '# tilde fence',
      '~~~',
      '',
      '    # indented code',
      '',
      '> # quoted',
      '',
      '## Next',
      'Text.',
    ].join('\n');
    const document = parseMarkdownText(source, 'a.md');
    expect(document.sections.map((section) => section.headingPath)).toEqual([
      ['Scripts'],
      ['Scripts', 'Next'],
    ]);
    expect(document.sections[0]?.text).toContain('# install dependencies');
    expect(document.sections[0]?.endLine).toBe(15);
    expectExactLineRanges(source, document);
  });

  it('uses the front matter title and keeps front matter out of the text', () => {
    const source = ['---', 'title: "Release notes"', 'tags: [a, b]', '---', '', '# 1.0', 'First.'].join('\n');
    const document = parseMarkdownText(source, 'notes.md');
    expect(document.title).toBe('Release notes');
    expect(document.sections).toEqual([{ headingPath: ['1.0'], text: 'First.', startLine: 7, endLine: 7 }]);
  });

  it('does not read front matter as a setext heading when it has no title', () => {
    const source = ['---', 'layout: page', '---', 'Body text.'].join('\n');
    const document = parseMarkdownText(source, 'dir/page.md');
    expect(document.title).toBe('page.md');
    expect(document.sections).toEqual([{ headingPath: [], text: 'Body text.', startLine: 4, endLine: 4 }]);
  });

  it('gives headings as plain text: no emphasis, code marks or link targets', () => {
    const document = parseMarkdownText('# Using `git` with **[SSH](https://x.org)** keys\n\nText.', 'a.md');
    expect(document.title).toBe('Using git with SSH keys');
    expect(document.sections[0]?.headingPath).toEqual(['Using git with SSH keys']);
  });

  it('falls back to the file name when there is no level-1 heading', () => {
    const document = parseMarkdownText('## Only a subsection\n\nText.', 'notes/todo.md');
    expect(document.title).toBe('todo.md');
  });

  it('leaves out a heading with nothing under it but keeps it in the path', () => {
    const source = '# Top\n\n## Sub\n\nText.\n';
    const document = parseMarkdownText(source, 'a.md');
    expect(document.sections).toEqual([
      { headingPath: ['Top', 'Sub'], text: 'Text.', startLine: 5, endLine: 5 },
    ]);
  });

  it('gives an empty document no sections', () => {
    expect(parseMarkdownText('\n\n', 'empty.md').sections).toEqual([]);
  });
});
