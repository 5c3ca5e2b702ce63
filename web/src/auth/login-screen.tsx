import { type FormEvent, useState } from 'react';
import type { SessionInfo } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { AuthLayout } from './auth-layout';

export function LoginScreen({
  expired,
  onSignedIn,
}: {
  expired: boolean;
  onSignedIn: (session: SessionInfo) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.auth.login(name.trim(), password));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('login.title')} {...(expired ? { lead: t('login.expired') } : {})}>
      <form className="form" onSubmit={submit} data-testid="login-form">
        <label className="field">
          <span>{t('login.name')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            // biome-ignore lint/a11y/noAutofocus: the only task on this screen is to sign in.
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="login-name"
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="button-primary" disabled={busy} data-testid="login-submit">
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
