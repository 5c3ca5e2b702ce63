import { type FormEvent, useEffect, useId, useState } from 'react';
import type { NewApiToken } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyButton } from '../ui/copy-button';
import { ErrorMessage } from '../ui/error-message';
import { useLoad } from '../ui/use-load';

/**
 * Personal API tokens, for the OpenAI-compatible API and MCP. A new token is shown once, here, to
 * copy; afterwards only its name and dates are known.
 */
export function TokensScreen() {
  const api = useApi();
  const { t, formatDate } = useI18n();
  const tokens = useLoad(() => api.tokens.list(), [api]);
  const nameId = useId();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiToken>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    document.title = `${t('tokens.title')} — ${t('app.name')}`;
  }, [t]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setCreated(await api.tokens.create(name.trim()));
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: number) => {
    setError(undefined);
    try {
      await api.tokens.revoke(id);
      if (created?.id === id) setCreated(undefined);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <main id="main" className="page">
      <h1>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.lead')}</p>
      <form className="inline-form" onSubmit={create} data-testid="token-form">
        <label htmlFor={nameId}>{t('tokens.name')}</label>
        <input
          id={nameId}
          required
          maxLength={100}
          placeholder={t('tokens.namePlaceholder')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="token-name"
        />
        <button
          type="submit"
          className="button-primary"
          disabled={busy || !name.trim()}
          data-testid="token-create"
        >
          {t('tokens.create')}
        </button>
      </form>
      {created ? (
        <div className="card token-once" role="status" data-testid="token-created">
          <p>
            <strong>{t('tokens.createdTitle', { name: created.name })}</strong>
          </p>
          <p className="muted small">{t('tokens.onlyOnce')}</p>
          <div className="token-value">
            <code data-testid="new-token">{created.token}</code>
            <CopyButton text={created.token} testId="token-copy" className="button-secondary" />
          </div>
          <p className="muted small">{t('tokens.usage')}</p>
          <pre className="token-example">
            <code>{`curl -H "Authorization: Bearer ${created.token}" ${location.origin}/v1/models`}</code>
          </pre>
          <button type="button" className="button-quiet" onClick={() => setCreated(undefined)}>
            {t('tokens.done')}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={error ?? tokens.error} />
      <h2>{t('tokens.yours')}</h2>
      {tokens.data && tokens.data.length === 0 ? <p className="muted">{t('tokens.none')}</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} data-testid="token-row">
                  <th scope="row">{token.name}</th>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>
                    {token.lastUsedAt ? (
                      formatDate(token.lastUsedAt)
                    ) : (
                      <span className="muted">{t('tokens.never')}</span>
                    )}
                  </td>
                  <td className="actions">
                    <ConfirmButton
                      question={t('tokens.revokeQuestion', { name: token.name })}
                      confirmLabel={t('tokens.revoke')}
                      onConfirm={() => revoke(token.id)}
                      testId="token-revoke"
                    >
                      {t('tokens.revoke')}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
