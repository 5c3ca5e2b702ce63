import { describe, expect, it } from 'vitest';
import { PARSER_KINDS, type ParserKind, parseDocument, parserKindForPath } from './index.js';

const input = (path: string, source: string) => ({ path, bytes: new TextEncoder().encode(source) });

describe('parserKindForPath', () => {
  it.each<[string, ParserKind]>([
    ['docs/README.md', 'markdown'],
    ['docs/page.MARKDOWN', 'markdown'],
    ['site/index.html', 'html'],
    ['site/old.htm', 'html'],
    ['book/ch1.xhtml', 'html'],
    ['manual.adoc', 'asciidoc'],
    ['manual.asciidoc', 'asciidoc'],
    ['manual.asc', 'asciidoc'],
    ['git-merge.txt', 'text'],
    ['report.pdf', 'pdf'],
    ['Report.DOCX', 'docx'],
    ['src/index.ts', 'code'],
    ['config/app.yaml', 'code'],
    ['LICENSE', 'text'],
    ['notes.rst', 'text'],
    ['data.unknownext', 'text'],
  ])('%s → %s', (path, kind) => {
    expect(parserKindForPath(path)).toBe(kind);
  });

  it('reaches every parser kind from some extension', () => {
    const paths = ['a.md', 'a.html', 'a.adoc', 'a.txt', 'a.go', 'a.pdf', 'a.docx'];
    expect(new Set(paths.map(parserKindForPath))).toEqual(new Set(PARSER_KINDS));
  });
});

describe('parseDocument', () => {
  it('parses each format with its own parser', async () => {
    const markdown = await parseDocument(input('a.md', '# Title\n\n```\n# code\n```\n'));
    expect(markdown.sections.map((section) => section.headingPath)).toEqual([['Title']]);

    const html = await parseDocument(input('a.html', '<nav>menu</nav><h1>Page</h1><p>Body</p>'));
    expect(html.sections).toEqual([{ headingPath: ['Page'], text: 'Body' }]);

    const code = await parseDocument(input('lib/util.rb', 'def x; end\n'));
    expect(code).toMatchObject({ kind: 'code', language: 'ruby' });

    const asciidoc = await parseDocument(input('a.adoc', '= Doc\n\n== Part\ntext\n'));
    expect(asciidoc.sections.map((section) => section.headingPath)).toEqual([['Doc', 'Part']]);
  });

  it('reads unknown extensions as plain text, not as markup', async () => {
    const document = await parseDocument(input('notes.log', '# not a heading\n<b>not html</b>\n'));
    expect(document).toEqual({
      title: '# not a heading',
      kind: 'prose',
      sections: [{ headingPath: [], text: '# not a heading\n<b>not html</b>', startLine: 1, endLine: 2 }],
    });
  });
});
