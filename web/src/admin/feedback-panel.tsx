import { useState } from 'react';
import type { Rating } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { useLoad } from '../ui/use-load';

/** What people said about answers, newest first; thumbs down is where the knowledge base needs work. */
export function FeedbackPanel() {
  const api = useApi();
  const { t, formatDate } = useI18n();
  const feedback = useLoad(() => api.admin.feedback(), [api]);
  const [filter, setFilter] = useState<Rating | 'all'>('all');
  const entries = (feedback.data ?? []).filter((entry) => filter === 'all' || entry.rating === filter);

  return (
    <section aria-labelledby="feedback-title" className="panel">
      <div className="panel-header">
        <h2 id="feedback-title">{t('admin.feedback')}</h2>
        <fieldset className="segmented segmented-compact">
          <legend className="sr-only">{t('feedbackReview.filter')}</legend>
          {(['all', 'down', 'up'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="feedback-filter"
                checked={filter === option}
                onChange={() => setFilter(option)}
                data-testid={`feedback-filter-${option}`}
              />
              {t(`feedbackReview.${option}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <ErrorMessage error={feedback.error} />
      {feedback.data && entries.length === 0 ? <p className="muted">{t('feedbackReview.none')}</p> : null}
      <ul className="feedback-entries">
        {entries.map((entry) => (
          <li key={entry.messageId} className="card feedback-entry" data-testid="feedback-entry">
            <p className="feedback-entry-meta small muted">
              <span className={`rating rating-${entry.rating}`}>
                <Icon name={entry.rating === 'up' ? 'thumb-up' : 'thumb-down'} size={16} />
                <span className="sr-only">{t(entry.rating === 'up' ? 'feedback.up' : 'feedback.down')}</span>
              </span>
              {entry.user} · {formatDate(entry.createdAt)}
            </p>
            <p className="feedback-entry-question">{entry.question}</p>
            {entry.comment ? (
              <blockquote className="feedback-entry-comment">{entry.comment}</blockquote>
            ) : null}
            <details>
              <summary>{t('feedbackReview.answer')}</summary>
              <div className="feedback-entry-answer">{entry.answer}</div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
