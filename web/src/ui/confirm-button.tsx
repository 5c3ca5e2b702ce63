import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * A destructive action asked twice, in place: the first press shows the question with Confirm and Cancel
 * (focus moves to Cancel, so a second Enter does not destroy anything by accident).
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  testId,
  className = 'button-quiet',
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={className} data-testid={testId} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm-question" id={questionId}>
        {question}
      </span>
      <button
        type="button"
        className="button-danger"
        aria-describedby={questionId}
        data-testid={testId ? `${testId}-confirm` : undefined}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button-quiet"
        ref={cancelRef}
        aria-describedby={questionId}
        onClick={() => setAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
