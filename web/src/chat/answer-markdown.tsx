import { memo, useMemo } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import type { AnswerSource, Citation } from '../api';
import { useI18n } from '../i18n';
import { CitationRef } from './citation-ref';
import { rehypeCitations, remarkHtmlAsText } from './markdown-plugins';
import { safeUrl } from './source-location';
import { useHighlighter } from './use-highlighter';

/**
 * An answer's Markdown. Raw HTML is shown as text (remarkHtmlAsText), the tree is sanitised, citations
 * become links, code is highlighted (after sanitising, so only the highlighter's own classes are added). Images are not loaded: a link stands in for them, so an answer
 * cannot make the browser fetch an address planted in a document.
 */
export const AnswerMarkdown = memo(function AnswerMarkdown({
  content,
  sources,
  citations,
  onShowSource,
}: {
  content: string;
  sources: AnswerSource[];
  citations: Citation[];
  onShowSource: (n: number) => void;
}) {
  const { t } = useI18n();
  const byNumber = useMemo(() => {
    const map = new Map<number, AnswerSource | Citation>();
    for (const citation of citations) map.set(citation.n, citation);
    for (const source of sources) map.set(source.n, source);
    return map;
  }, [sources, citations]);

  const highlighter = useHighlighter();
  const rehypePlugins = useMemo<Options['rehypePlugins']>(
    () => [
      rehypeSanitize,
      [rehypeCitations, { numbers: [...byNumber.keys()] }],
      ...(highlighter ? [highlighter] : []),
    ],
    [byNumber, highlighter],
  );

  const components = useMemo<Components>(
    () => ({
      sup: ({ node, children }) => {
        const n = node?.properties?.dataCitation;
        if (typeof n !== 'number') return <sup>{children}</sup>;
        return (
          <sup className="citation-sup">
            <CitationRef n={n} source={byNumber.get(n)} onShow={onShowSource} />
          </sup>
        );
      },
      a: ({ href, children }) => {
        const url = safeUrl(href);
        if (!url) return <span>{children}</span>;
        return (
          <a href={url} target="_blank" rel="noopener noreferrer nofollow">
            {children}
          </a>
        );
      },
      img: ({ src, alt }) => {
        const url = typeof src === 'string' ? safeUrl(src) : undefined;
        const label = t('answer.image', { alt: alt || '—' });
        return url ? (
          <a href={url} target="_blank" rel="noopener noreferrer nofollow">
            {label}
          </a>
        ) : (
          <span>{label}</span>
        );
      },
    }),
    [byNumber, onShowSource, t],
  );

  return (
    <Markdown remarkPlugins={[remarkHtmlAsText]} rehypePlugins={rehypePlugins} components={components}>
      {content}
    </Markdown>
  );
});
