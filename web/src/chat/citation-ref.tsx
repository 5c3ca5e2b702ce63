import { type CSSProperties, useEffect, useId, useRef, useState } from 'react';
import type { AnswerSource, Citation } from '../api';
import { useI18n } from '../i18n';
import { locationOf, safeUrl, snippetOf } from './source-location';

const CARD_WIDTH = 352;
const MARGIN = 8;

/**
 * A citation `[n]` in an answer. Hover or focus shows the source's title, place and passage; activating
 * it opens the exact place (its link), or, for a source without a link, shows it in the sources list.
 */
export function CitationRef({
  n,
  source,
  onShow,
}: {
  n: number;
  source: AnswerSource | Citation | undefined;
  onShow: (n: number) => void;
}) {
  const { t } = useI18n();
  const cardId = useId();
  const anchorRef = useRef<HTMLElement | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const [placement, setPlacement] = useState<CSSProperties | undefined>();

  const show = () => {
    window.clearTimeout(hideTimer.current);
    const anchor = anchorRef.current;
    if (!anchor || !source) return;
    const rect = anchor.getBoundingClientRect();
    const width = Math.min(CARD_WIDTH, window.innerWidth - 2 * MARGIN);
    const left = Math.min(
      Math.max(rect.left + rect.width / 2 - width / 2, MARGIN),
      window.innerWidth - width - MARGIN,
    );
    const above = rect.bottom + 220 > window.innerHeight && rect.top > 220;
    setPlacement(
      above
        ? { width, left, bottom: window.innerHeight - rect.top + 6 }
        : { width, left, top: rect.bottom + 6 },
    );
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setPlacement(undefined), 150);
  };

  useEffect(() => {
    if (!placement) return;
    const hide = () => setPlacement(undefined);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', hide, true);
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', hide, true);
      window.removeEventListener('resize', hide);
    };
  }, [placement]);

  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  const url = safeUrl(source?.url);
  const trigger = {
    className: 'citation',
    'data-testid': 'citation-link',
    'data-citation': n,
    'aria-label': t('citation.label', { n }),
    'aria-describedby': source ? cardId : undefined,
    onFocus: show,
    onBlur: hideSoon,
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only previews; the link or button inside is the control.
    <span className="citation-wrap" onMouseEnter={show} onMouseLeave={hideSoon}>
      {url ? (
        <a
          {...trigger}
          ref={(element) => {
            anchorRef.current = element;
          }}
          href={url}
          target="_blank"
          rel="noopener noreferrer"
        >
          {n}
        </a>
      ) : (
        <button
          {...trigger}
          ref={(element) => {
            anchorRef.current = element;
          }}
          type="button"
          onClick={() => onShow(n)}
        >
          {n}
        </button>
      )}
      {source ? (
        <span
          role="tooltip"
          id={cardId}
          className="citation-card"
          hidden={!placement}
          style={placement}
          data-testid="citation-card"
        >
          <span className="citation-card-title">{source.title || source.uri}</span>
          <span className="citation-card-location">{locationOf(source)}</span>
          {'section' in source && source.section ? (
            <span className="citation-card-section">{source.section}</span>
          ) : null}
          {'text' in source && source.text ? (
            <span className="citation-card-snippet">{snippetOf(source.text)}</span>
          ) : null}
          <span className="citation-card-hint">{url ? t('citation.opens') : t('citation.inList')}</span>
        </span>
      ) : null}
    </span>
  );
}
