import { type FormEvent, useId, useState } from 'react';
import type { Feedback, Rating } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';

/** Thumbs up or down on a stored answer, then an optional comment saying why. */
export function FeedbackBar({
  messageId,
  feedback,
  onChange,
}: {
  messageId: number;
  feedback: Feedback | undefined;
  onChange: (feedback: Feedback) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const commentId = useId();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState(feedback?.comment ?? '');
  const [error, setError] = useState<unknown>();
  const [thanked, setThanked] = useState(false);

  const save = async (rating: Rating, text: string) => {
    setError(undefined);
    try {
      await api.feedback(messageId, rating, text.trim() || undefined);
      onChange({ rating, comment: text.trim() || null });
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

  const rate = async (rating: Rating) => {
    setThanked(false);
    if (await save(rating, comment)) setAsking(true);
  };

  const submitComment = async (event: FormEvent) => {
    event.preventDefault();
    if (feedback && (await save(feedback.rating, comment))) {
      setAsking(false);
      setThanked(true);
    }
  };

  return (
    <div className="feedback">
      <fieldset className="feedback-buttons">
        <legend className="sr-only">{t('feedback.label')}</legend>
        {(['up', 'down'] as const).map((rating) => (
          <button
            key={rating}
            type="button"
            className="button-icon"
            aria-pressed={feedback?.rating === rating}
            aria-label={t(rating === 'up' ? 'feedback.up' : 'feedback.down')}
            title={t(rating === 'up' ? 'feedback.up' : 'feedback.down')}
            data-testid={`feedback-${rating}`}
            onClick={() => void rate(rating)}
          >
            <Icon name={rating === 'up' ? 'thumb-up' : 'thumb-down'} />
          </button>
        ))}
      </fieldset>
      {asking && feedback ? (
        <form className="feedback-form" onSubmit={submitComment} data-testid="feedback-form">
          <label htmlFor={commentId}>
            {t(feedback.rating === 'up' ? 'feedback.commentUp' : 'feedback.commentDown')}
          </label>
          <textarea
            id={commentId}
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            data-testid="feedback-comment"
          />
          <div className="row">
            <button type="submit" className="button-secondary" data-testid="feedback-submit">
              {t('feedback.send')}
            </button>
            <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
              {t('common.close')}
            </button>
          </div>
        </form>
      ) : null}
      {thanked ? (
        <span className="muted small" role="status">
          {t('feedback.thanks')}
        </span>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
