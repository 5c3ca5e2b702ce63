import { memo, useCallback, useState } from 'react';
import type { Feedback } from '../api';
import { useI18n } from '../i18n';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icons';
import { AnswerMarkdown } from './answer-markdown';
import type { AnswerTurn } from './chat-state';
import { FeedbackBar } from './feedback-bar';
import { ReasoningView } from './reasoning-view';
import { locationOf, safeUrl } from './source-location';
import { SourcesList, sourceElementId } from './sources-list';

export interface AnswerActions {
  onRegenerate(): void;
  onRetry(): void;
  onFeedback(key: string, feedback: Feedback): void;
}

/**
 * One answer: its mode said plainly (quoted passages, or "I don't know"), notices, the model's
 * reasoning folded away, the Markdown with citations, the sources, and what can be done with it.
 */
export const AnswerView = memo(function AnswerView({
  turn,
  question,
  last,
  actions,
}: {
  turn: AnswerTurn;
  question: string | undefined;
  last: boolean;
  actions: AnswerActions;
}) {
  const { t } = useI18n();
  const [sourcesOpen, setSourcesOpen] = useState(turn.mode === 'not_found');
  const [highlighted, setHighlighted] = useState<number>();
  const streaming = turn.status === 'streaming';
  const notFound = turn.mode === 'not_found';

  const showSource = useCallback(
    (n: number) => {
      setSourcesOpen(true);
      setHighlighted(n);
      requestAnimationFrame(() => {
        const element = document.getElementById(sourceElementId(turn.key, n));
        element?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        element?.focus({ preventScroll: true });
      });
    },
    [turn.key],
  );

  return (
    <article
      className={`answer answer-${turn.mode ?? 'pending'} answer-${turn.status}`}
      aria-busy={streaming}
      aria-label={t('answer.label')}
      data-testid="answer"
      data-status={turn.status}
      data-mode={turn.mode ?? ''}
    >
      {turn.mode === 'extractive' ? (
        <p className="answer-badge" data-testid="answer-extractive">
          {t('answer.extractive')}
        </p>
      ) : null}
      {notFound ? (
        <p className="answer-badge answer-badge-quiet" data-testid="answer-not-found">
          {t('answer.notFound')}
        </p>
      ) : null}
      {turn.notices.map((notice) => (
        <p key={notice.code} className="notice" role="note" data-testid="answer-notice">
          {notice.message}
        </p>
      ))}
      {turn.reasoning ? <ReasoningView text={turn.reasoning} thinking={streaming && !turn.content} /> : null}
      <div className="answer-body" aria-live={streaming ? 'polite' : undefined}>
        {turn.content ? (
          <AnswerMarkdown
            content={turn.content}
            sources={turn.sources}
            citations={turn.citations}
            onShowSource={showSource}
          />
        ) : streaming ? (
          <p className="answer-progress">
            <span className="dots" aria-hidden="true" />
            {turn.reasoning
              ? t('answer.thinking')
              : turn.sources.length > 0
                ? t('answer.writing')
                : t('answer.searching')}
          </p>
        ) : null}
      </div>
      {turn.status === 'stopped' ? <p className="answer-state">{t('answer.stopped')}</p> : null}
      {turn.status === 'failed' && turn.error ? (
        <div className="error-message" role="alert" data-testid="answer-error">
          <p>{turn.error.message}</p>
          {turn.error.hint ? <p className="error-hint">{turn.error.hint}</p> : null}
        </div>
      ) : null}
      {turn.query && question && turn.query.trim() !== question.trim() ? (
        <p className="answer-query muted small">{t('answer.searchedFor', { query: turn.query })}</p>
      ) : null}
      <SourcesList
        answerKey={turn.key}
        sources={turn.sources}
        citations={turn.citations}
        open={sourcesOpen}
        onToggle={setSourcesOpen}
        highlighted={highlighted}
        notFound={notFound}
      />
      {streaming ? null : (
        <div className="answer-actions">
          {turn.content ? (
            <CopyButton text={copyableAnswer(turn)} testId="copy-button" label={t('answer.copy')} />
          ) : null}
          {last && turn.status === 'done' ? (
            <button
              type="button"
              className="button-quiet"
              onClick={actions.onRegenerate}
              data-testid="regenerate-button"
            >
              <Icon name="regenerate" />
              {t('answer.regenerate')}
            </button>
          ) : null}
          {last && (turn.status === 'failed' || turn.status === 'stopped') ? (
            <button
              type="button"
              className="button-quiet"
              onClick={actions.onRetry}
              data-testid="retry-button"
            >
              <Icon name="regenerate" />
              {t('answer.retry')}
            </button>
          ) : null}
          {turn.messageId !== undefined ? (
            <FeedbackBar
              messageId={turn.messageId}
              feedback={turn.feedback}
              onChange={(feedback) => actions.onFeedback(turn.key, feedback)}
            />
          ) : null}
          {turn.latencyMs !== undefined ? (
            <span className="muted small answer-latency">
              {t('answer.latency', { seconds: (turn.latencyMs / 1000).toFixed(1) })}
            </span>
          ) : null}
        </div>
      )}
    </article>
  );
});

/** The answer as Markdown with its cited sources listed under it, to paste elsewhere. */
function copyableAnswer(turn: AnswerTurn): string {
  const cited = turn.citations.length > 0 ? turn.citations : turn.sources;
  if (cited.length === 0) return turn.content;
  const lines = cited.map(
    (source) => `[${source.n}] ${source.title || source.uri} — ${safeUrl(source.url) ?? locationOf(source)}`,
  );
  return `${turn.content}\n\n${lines.join('\n')}`;
}
