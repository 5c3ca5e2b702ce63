import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../domain/types.js';
import { countTokens } from '../../text/tokens.js';
import { SectionChunker } from './sections.js';

const chunker = new SectionChunker();
const options = { maxTokens: 40, overlapLines: 0 };

function document(sections: ParsedDocument['sections']): ParsedDocument {
  return { title: 'Guide', kind: 'prose', sections };
}

describe('SectionChunker', () => {
  it('keeps one chunk per section with its heading path and lines', async () => {
    const long = Array.from({ length: 12 }, (_, index) => `Paragraph ${index} talks about deployment.`).join(
      '\n',
    );
    const chunks = await chunker.chunk(
      document([
        { headingPath: ['Install'], text: long, startLine: 3, endLine: 14 },
        { headingPath: ['Install', 'Docker'], text: long, startLine: 16, endLine: 27 },
      ]),
      options,
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.index)).toEqual(chunks.map((_, index) => index));
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(options.maxTokens);
    const docker = chunks.filter((chunk) => chunk.headingPath.join('/') === 'Install/Docker');
    expect(docker[0]?.startLine).toBe(16);
    expect(docker[docker.length - 1]?.endLine).toBe(27);
  });

  it('splits a long section at paragraph boundaries and covers every paragraph once', async () => {
    const paragraphs = Array.from(
      { length: 8 },
      (_, index) => `Step ${index}: run the migration tool and check logs.`,
    );
    const chunks = await chunker.chunk(
      document([{ headingPath: ['Upgrade'], text: paragraphs.join('\n\n'), startLine: 1 }]),
      options,
    );
    const joined = chunks.map((chunk) => chunk.text).join('\n\n');
    for (const paragraph of paragraphs) expect(joined.split(paragraph).length - 1).toBe(1);
    expect(chunks[1]?.startLine).toBeGreaterThan(1);
  });

  it('cuts a single huge line at words', async () => {
    const line = 'слово '.repeat(300).trim();
    const chunks = await chunker.chunk(document([{ headingPath: [], text: line }]), options);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(options.maxTokens);
  });

  it('merges tiny sibling sections and keeps their headings in the text', async () => {
    const chunks = await chunker.chunk(
      document([
        { headingPath: ['FAQ', 'Ports'], text: 'Port 8080.' },
        { headingPath: ['FAQ', 'Logs'], text: 'Logs go to journald.' },
      ]),
      options,
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.headingPath).toEqual(['FAQ']);
    expect(chunks[0]?.text).toBe('Ports\nPort 8080.\n\nLogs\nLogs go to journald.');
  });

  it('drops empty sections', async () => {
    const chunks = await chunker.chunk(document([{ headingPath: ['Empty'], text: '  \n\n ' }]), options);
    expect(chunks).toEqual([]);
  });
});
