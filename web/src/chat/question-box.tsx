import { type FormEvent, type KeyboardEvent, type RefObject, useId, useLayoutEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Icon } from '../ui/icons';

/** The server refuses longer questions (docs/answers.md). */
export const MAX_QUESTION_LENGTH = 4000;

/**
 * The question field: Enter sends, Shift+Enter starts a new line (and Enter while an input method is
 * composing a word is left to it). While an answer streams, the send button becomes Stop.
 */
export function QuestionBox({
  streaming,
  followUp,
  onAsk,
  onStop,
  inputRef,
}: {
  streaming: boolean;
  followUp: boolean;
  onAsk: (question: string) => void;
  onStop: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const hintId = useId();
  const trimmed = question.trim();
  const tooLong = question.length > MAX_QUESTION_LENGTH;

  // Grows with the text up to the CSS max-height, then scrolls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever the text changes.
  useLayoutEffect(() => {
    const area = inputRef.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight}px`;
  }, [question]);

  const send = () => {
    if (!trimmed || tooLong || streaming) return;
    onAsk(trimmed);
    setQuestion('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  return (
    <form className="question-box" onSubmit={onSubmit}>
      <label className="sr-only" htmlFor={`${hintId}-field`}>
        {t('question.label')}
      </label>
      <div className="question-field">
        <textarea
          id={`${hintId}-field`}
          ref={inputRef}
          rows={1}
          value={question}
          placeholder={followUp ? t('question.placeholderFollowUp') : t('question.placeholder')}
          aria-describedby={hintId}
          aria-invalid={tooLong}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="question-input"
        />
        {streaming ? (
          <button
            type="button"
            className="button-send button-stop"
            onClick={onStop}
            aria-label={t('question.stop')}
            title={t('question.stop')}
            data-testid="stop-button"
          >
            <Icon name="stop" />
          </button>
        ) : (
          <button
            type="submit"
            className="button-send"
            disabled={!trimmed || tooLong}
            aria-label={t('question.send')}
            title={t('question.send')}
            data-testid="send-button"
          >
            <Icon name="send" />
          </button>
        )}
      </div>
      <p id={hintId} className={`question-hint small ${tooLong ? 'field-error' : 'muted'}`}>
        {tooLong
          ? t('question.tooLong', { count: question.length, max: MAX_QUESTION_LENGTH })
          : question.length > MAX_QUESTION_LENGTH * 0.9
            ? t('question.nearLimit', { count: question.length, max: MAX_QUESTION_LENGTH })
            : t('question.hint')}
      </p>
    </form>
  );
}
