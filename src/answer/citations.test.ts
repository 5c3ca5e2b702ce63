import { describe, expect, it } from 'vitest';
import { CitationFilter, cleanCitations, extractCitations } from './citations.js';
import type { AnswerSource } from './types.js';

const sources: AnswerSource[] = [1, 2, 3].map((n) => ({
  n,
  source: 'wiki',
  uri: `page-${n}.md`,
  title: `Page ${n}`,
  text: `text ${n}`,
  ...(n === 2 ? { url: 'https://wiki/page-2', lines: { start: 3, end: 9 } } : {}),
}));

function streamed(answer: string, sourceCount: number, cut: number): string {
  const filter = new CitationFilter(sourceCount);
  let output = '';
  for (let start = 0; start < answer.length; start += cut)
    output += filter.push(answer.slice(start, start + cut));
  return output + filter.flush();
}

describe('citations', () => {
  it('keeps citations of real sources, splits lists and ranges, and drops numbers that match no source', () => {
    expect(cleanCitations('Use nginx [1]. Restart it [2, 3]. See [1-3].', 3)).toBe(
      'Use nginx [1]. Restart it [2][3]. See [1][2][3].',
    );
    expect(cleanCitations('Invented [7]. Mixed [2; 9]. Zero [0].', 3)).toBe('Invented. Mixed [2]. Zero.');
    // Not citations: Markdown links, array indexes with letters, years in brackets stay as they are.
    expect(cleanCitations('a [link](http://x) and arr[i] and [note]', 3)).toBe(
      'a [link](http://x) and arr[i] and [note]',
    );
  });

  it('the streamed text equals the cleaned answer however the stream is cut', () => {
    const answer =
      'Configure it in `nginx.conf` [1]. Then reload [2][9]; the [link](http://x) and `a[0]` [3, 4] too [ 2 ].\nDone [12]';
    const expected = cleanCitations(answer, 3);
    expect(expected).toBe(
      'Configure it in `nginx.conf` [1]. Then reload [2]; the [link](http://x) and `a[0]` [3] too [2].\nDone',
    );
    for (let cut = 1; cut <= answer.length; cut++) expect(streamed(answer, 3, cut)).toBe(expected);
  });

  it('an unterminated bracket at the end of the stream is not lost', () => {
    expect(streamed('the array a[', 3, 1)).toBe('the array a[');
    expect(streamed('see [2', 3, 1)).toBe('see [2');
  });

  it('maps the cited numbers to sources once each, in order of first citation', () => {
    const citations = extractCitations('First [2]. Then [1][2]. Never [5].', sources);
    expect(citations).toEqual([
      {
        n: 2,
        source: 'wiki',
        uri: 'page-2.md',
        title: 'Page 2',
        url: 'https://wiki/page-2',
        lines: { start: 3, end: 9 },
      },
      { n: 1, source: 'wiki', uri: 'page-1.md', title: 'Page 1' },
    ]);
  });
});
