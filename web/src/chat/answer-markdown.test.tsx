import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnswerSource } from '../api';
import { I18nProvider } from '../i18n';
import { AnswerMarkdown } from './answer-markdown';

const source: AnswerSource = {
  n: 1,
  source: 'handbook',
  uri: 'docs/vpn.md',
  title: 'VPN',
  url: 'https://wiki.example.com/vpn',
  lines: { start: 3, end: 9 },
  text: 'Connect with the client.',
};

function render(content: string, sources: AnswerSource[] = [source]): string {
  return renderToStaticMarkup(
    <I18nProvider language="en">
      <AnswerMarkdown content={content} sources={sources} citations={[]} onShowSource={() => {}} />
    </I18nProvider>,
  );
}

describe('AnswerMarkdown', () => {
  it('shows raw HTML from an answer or a document as text, never as elements', () => {
    const html = render(
      'Before <script>alert(1)</script> <img src=x onerror="alert(2)"> after\n\n<iframe src="https://evil"></iframe>',
    );
    expect(html).not.toMatch(/<(script|img|iframe)\b|onerror="/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops javascript: links and does not load images', () => {
    const html = render('[click](javascript:alert(1)) and ![logo](https://tracker.example/p.png?secret=1)');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('href="https://tracker.example/p.png?secret=1"');
  });

  it('turns citations of known sources into links to the exact place', () => {
    const html = render('Use the client [1]. Not a source: [7].');
    expect(html).toMatch(/<a[^>]*data-testid="citation-link"[^>]*>1<\/a>/);
    expect(html).toContain('href="https://wiki.example.com/vpn"');
    expect(html).toContain('[7]');
    expect(html).toContain('handbook/docs/vpn.md:3-9');
  });

  it('makes a citation without a link a button that shows the source', () => {
    const html = render('See [1].', [{ ...source, url: 'javascript:alert(1)' }]);
    expect(html).toMatch(/<button[^>]*data-testid="citation-link"/);
    expect(html).not.toContain('javascript:');
  });

  it('leaves brackets in code alone', () => {
    const html = render('`items[1]` and\n\n```js\nconst x = a[1];\n```');
    expect(html).not.toContain('citation-link');
    expect(html).toContain('items[1]');
  });
});
