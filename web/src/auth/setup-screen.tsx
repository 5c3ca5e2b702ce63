import { type FormEvent, useState } from 'react';
import type { SessionInfo } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { AuthLayout } from './auth-layout';

/** First run: nobody can sign in yet, so the first person here creates the administrator. */
export function SetupScreen({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [name, setName] = useState('admin');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const mismatch = repeat !== '' && repeat !== password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return;
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.setup.createAdmin(name.trim(), password));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('setup.title')} lead={t('setup.lead')}>
      <form className="form" onSubmit={submit} data-testid="setup-form">
        <label className="field">
          <span>{t('setup.name')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="setup-name"
          />
        </label>
        <label className="field">
          <span>{t('setup.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="setup-password"
          />
        </label>
        <label className="field">
          <span>{t('setup.repeat')}</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch}
            aria-describedby={mismatch ? 'setup-mismatch' : undefined}
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            data-testid="setup-repeat"
          />
        </label>
        {mismatch ? (
          <p id="setup-mismatch" className="field-error">
            {t('setup.mismatch')}
          </p>
        ) : null}
        <ErrorMessage error={error} />
        <button
          type="submit"
          className="button-primary"
          disabled={busy || mismatch}
          data-testid="setup-submit"
        >
          {t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
