import type { AnswerSource, Citation } from '../api';
import { useI18n } from '../i18n';
import { Icon } from '../ui/icons';
import { locationOf, safeUrl } from './source-location';

/**
 * The sources under an answer, in the numbering the answer cites. Sources the answer cites come first
 * in weight (the others are shown quieter); each has its place and, on demand, the passage itself.
 */
export function SourcesList({
  answerKey,
  sources,
  citations,
  open,
  onToggle,
  highlighted,
  notFound,
}: {
  answerKey: string;
  sources: AnswerSource[];
  citations: Citation[];
  open: boolean;
  onToggle: (open: boolean) => void;
  highlighted: number | undefined;
  notFound: boolean;
}) {
  const { t } = useI18n();
  if (sources.length === 0) return null;
  const cited = new Set(citations.map((citation) => citation.n));
  const summary = notFound
    ? t('sources.closest', { count: sources.length })
    : t('sources.summary', { count: sources.length });
  return (
    <details
      className="sources"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
      data-testid="sources-list"
    >
      <summary>{summary}</summary>
      <ol className="sources-items">
        {sources.map((source) => {
          const url = safeUrl(source.url);
          const quiet = !notFound && cited.size > 0 && !cited.has(source.n);
          return (
            <li
              key={source.n}
              id={sourceElementId(answerKey, source.n)}
              className={`source${quiet ? ' source-quiet' : ''}${highlighted === source.n ? ' source-highlighted' : ''}`}
              data-testid="source-item"
              tabIndex={-1}
            >
              <span className="source-number" aria-hidden="true">
                {source.n}
              </span>
              <div className="source-body">
                <span className="sr-only">{t('citation.label', { n: source.n })}: </span>
                {url ? (
                  <a className="source-title" href={url} target="_blank" rel="noopener noreferrer">
                    {source.title || source.uri}
                    <Icon name="external" size={14} />
                  </a>
                ) : (
                  <span className="source-title">{source.title || source.uri}</span>
                )}
                <code className="source-location">{locationOf(source)}</code>
                {source.section ? <span className="source-section">{source.section}</span> : null}
                {source.text ? (
                  <details className="source-passage">
                    <summary>{t('sources.passage')}</summary>
                    <blockquote>{source.text}</blockquote>
                  </details>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

export function sourceElementId(answerKey: string, n: number): string {
  return `${answerKey}-source-${n}`;
}
