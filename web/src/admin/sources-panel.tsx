import { Fragment, useCallback, useEffect, useState } from 'react';
import type { SourceInfo } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ConfirmButton } from '../ui/confirm-button';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { useLoad } from '../ui/use-load';
import { SourceForm } from './source-form';
import { RunStatus, SourceRuns } from './source-runs';
import { SyncProgress } from './sync-progress';
import { useSyncs } from './use-syncs';

/** The sources spravka reads: what each holds, how its last sync went; add, sync now, remove. */
export function SourcesPanel() {
  const api = useApi();
  const { t, formatDate, formatNumber } = useI18n();
  const sources = useLoad(() => api.admin.sources(), [api]);
  const reload = sources.reload;
  const { syncs, start } = useSyncs(reload);
  const [adding, setAdding] = useState(false);
  const [history, setHistory] = useState<string>();
  const [error, setError] = useState<unknown>();

  // A sync already running (started elsewhere, or before this page was opened): join its progress.
  useEffect(() => {
    for (const source of sources.data ?? []) {
      if (source.syncing && !syncs[source.name]) void start(source.name);
    }
  }, [sources.data, syncs, start]);

  const remove = useCallback(
    async (name: string) => {
      setError(undefined);
      try {
        await api.admin.removeSource(name);
        reload();
      } catch (failure) {
        setError(failure);
      }
    },
    [api, reload],
  );

  return (
    <section aria-labelledby="sources-title" className="panel">
      <div className="panel-header">
        <h2 id="sources-title">{t('admin.sources')}</h2>
        {adding ? null : (
          <button
            type="button"
            className="button-primary"
            onClick={() => setAdding(true)}
            data-testid="source-add"
          >
            <Icon name="plus" />
            {t('sources.addTitle')}
          </button>
        )}
      </div>
      {adding ? (
        <SourceForm
          onCancel={() => setAdding(false)}
          onAdded={(name, syncNow) => {
            setAdding(false);
            reload();
            if (syncNow) void start(name);
          }}
        />
      ) : null}
      <ErrorMessage error={error ?? sources.error} />
      {sources.data && sources.data.length === 0 ? <p className="muted">{t('sources.none')}</p> : null}
      {sources.data && sources.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="sources-table">
            <thead>
              <tr>
                <th scope="col">{t('sources.name')}</th>
                <th scope="col" className="numeric">
                  {t('sources.documents')}
                </th>
                <th scope="col" className="numeric">
                  {t('sources.chunks')}
                </th>
                <th scope="col">{t('sources.lastSync')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.data.map((source) => {
                const sync = syncs[source.name];
                const running = sync !== undefined && sync.phase !== 'finished' && sync.phase !== 'failed';
                return (
                  <Fragment key={source.name}>
                    <tr data-testid="source-row" data-source={source.name}>
                      <th scope="row">
                        <span className="source-name">{source.name}</span>
                        <span className="muted small">
                          {' '}
                          {t(source.type === 'git' ? 'sources.typeGit' : 'sources.typeFolder')} ·{' '}
                          {describeSettings(source)}
                        </span>
                        <span className="muted small source-acl">
                          {t('sources.readers', { acl: source.acl.join(', ') || '—' })}
                        </span>
                      </th>
                      <td className="numeric">{formatNumber(source.documents)}</td>
                      <td className="numeric">{formatNumber(source.chunks)}</td>
                      <td>
                        {source.lastSyncAt ? (
                          formatDate(source.lastSyncAt)
                        ) : (
                          <span className="muted">{t('sources.never')}</span>
                        )}
                        {source.lastRun ? (
                          <>
                            {' '}
                            <RunStatus run={source.lastRun} />
                            {source.lastRun.error ? (
                              <p className="field-error small">{source.lastRun.error}</p>
                            ) : null}
                            {(source.lastRun.failed ?? 0) > 0 ? (
                              <p className="field-error small">
                                {t('sources.failedFiles', { count: source.lastRun.failed ?? 0 })}
                              </p>
                            ) : null}
                          </>
                        ) : null}
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={running}
                          onClick={() => void start(source.name)}
                          data-testid="source-sync"
                        >
                          <Icon name="sync" />
                          {running ? t('sources.syncing') : t('sources.sync')}
                        </button>
                        <button
                          type="button"
                          className="button-quiet"
                          aria-expanded={history === source.name}
                          onClick={() => setHistory(history === source.name ? undefined : source.name)}
                        >
                          {t('sources.history')}
                        </button>
                        <ConfirmButton
                          question={t('sources.removeQuestion', {
                            name: source.name,
                            count: source.documents,
                          })}
                          confirmLabel={t('sources.remove')}
                          onConfirm={() => remove(source.name)}
                          testId="source-remove"
                        >
                          {t('sources.remove')}
                        </ConfirmButton>
                      </td>
                    </tr>
                    {sync ? (
                      <tr className="row-detail">
                        <td colSpan={5}>
                          <SyncProgress view={sync} />
                        </td>
                      </tr>
                    ) : null}
                    {history === source.name ? (
                      <tr className="row-detail">
                        <td colSpan={5}>
                          <SourceRuns name={source.name} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The one setting that says where a source is: its folder or its repository (and branch). */
function describeSettings(source: SourceInfo): string {
  const { settings } = source;
  if (source.type === 'git') {
    const branch = typeof settings.branch === 'string' ? `#${settings.branch}` : '';
    return `${withoutCredentials(String(settings.url ?? ''))}${branch}`;
  }
  return String(settings.path ?? '');
}

/** A clone URL may carry a deploy token (`https://user:token@host/…`): it is not for the screen. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = parsed.username ? '***' : '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}
