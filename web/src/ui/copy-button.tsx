import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { copyText } from './copy-text';
import { Icon } from './icons';

/** Copies a text and says so for two seconds (also to screen readers, through the label). */
export function CopyButton({
  text,
  label,
  testId,
  className = 'button-quiet',
}: {
  text: string;
  label?: string;
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const caption =
    state === 'copied' ? t('copy.done') : state === 'failed' ? t('copy.failed') : (label ?? t('copy.action'));
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} />
      <span aria-live="polite">{caption}</span>
    </button>
  );
}
