import { useI18n } from '../i18n';

/** A reasoning model's thinking: folded away, as plain text (it is not part of the answer). */
export function ReasoningView({ text, thinking }: { text: string; thinking: boolean }) {
  const { t } = useI18n();
  return (
    <details className="reasoning" data-testid="answer-reasoning">
      <summary>{thinking ? t('reasoning.thinking') : t('reasoning.summary')}</summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
