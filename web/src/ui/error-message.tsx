import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** A failure as the person can act on it: the server's message and hint, or what went wrong locally. */
export function ErrorMessage({ error, className = '' }: { error: unknown; className?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const { message, hint } = describe(error, t('error.network'), t('error.unexpected'));
  return (
    <div className={`error-message ${className}`} role="alert">
      <p>{message}</p>
      {hint ? <p className="error-hint">{hint}</p> : null}
    </div>
  );
}

export function describe(
  error: unknown,
  network: string,
  unexpected: string,
): { message: string; hint: string | null } {
  if (error instanceof ApiError) {
    if (error.code === 'network') return { message: network, hint: null };
    return { message: error.message, hint: error.hint };
  }
  return { message: unexpected, hint: error instanceof Error ? error.message : null };
}
