import { Fragment, type Ref, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SourceInfo } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ConfirmButton } from '../ui/confirm-button';
import { ErrorMessage } from '../ui/error-message';
import { Icon } from '../ui/icons';
import { useLoad } from '../ui/use-load';
import { SourceForm, type SourceSaved } from './source-form';
import { RunStatus, SourceRuns } from './source-runs';
import { syncEveryMinutes, withoutCredentials } from './source-settings';
import { SyncProgress } from './sync-progress';
import { type SyncView, useSyncs } from './use-syncs';

/**
 * What the panel says after a source was saved: just that, or (its readers changed) that its documents
 * are hidden until the next sync, which it offers to start.
 */
interface Notice {
  name: string;
  kind: 'saved' | 'hidden' | 'hiddenSyncing';
}

/** The sources spravka reads: what each holds, how its last sync went; add, edit, sync now, remove. */
export function SourcesPanel() {
  const api = useApi();
  const { t, formatDate, formatNumber } = useI18n();
  const sources = useLoad(() => api.admin.sources(), [api]);
  const reload = sources.reload;
  const { syncs, start } = useSyncs(reload);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string>();
  const [history, setHistory] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<unknown>();
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const noticeRef = useRef<HTMLDivElement>(null);
  /** After the edit form closes, the focus goes back to the Edit button it was opened with. */
  const [refocus, setRefocus] = useState<string>();

  useEffect(() => {
    if (refocus === undefined) return;
    // While the sync started on saving runs, the button is disabled: the notice about it gets the focus.
    const button = editButtons.current.get(refocus);
    if (button && !button.disabled) button.focus();
    else noticeRef.current?.focus();
    setRefocus(undefined);
  }, [refocus]);

  /** Syncs a source; a notice that its documents are hidden until then now says they are being synced. */
  const syncSource = useCallback(
    (name: string) => {
      setNotice((current) =>
        current?.name === name && current.kind === 'hidden' ? { name, kind: 'hiddenSyncing' } : current,
      );
      void start(name);
    },
    [start],
  );

  const saved = ({ name, syncNow, aclChanged }: SourceSaved, edited: boolean) => {
    setAdding(false);
    setEditing(undefined);
    reload();
    if (edited) {
      setNotice({ name, kind: aclChanged ? (syncNow ? 'hiddenSyncing' : 'hidden') : 'saved' });
      setRefocus(name);
    }
    if (syncNow) void start(name);
  };

  const editedSource = sources.data?.find((source) => source.name === editing);
  const editFormId = useId();

  const closeEditing = () => {
    setRefocus(editing);
    setEditing(undefined);
  };

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
        setNotice((current) => (current?.name === name ? undefined : current));
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
            onClick={() => {
              setEditing(undefined);
              setAdding(true);
            }}
            data-testid="source-add"
          >
            <Icon name="plus" />
            {t('sources.addTitle')}
          </button>
        )}
      </div>
      {adding ? (
        <SourceForm onCancel={() => setAdding(false)} onSaved={(result) => saved(result, false)} />
      ) : null}
      {editedSource ? (
        <SourceForm
          key={editedSource.name}
          id={editFormId}
          source={editedSource}
          onCancel={closeEditing}
          onSaved={(result) => saved(result, true)}
        />
      ) : null}
      <SavedNotice
        ref={noticeRef}
        notice={notice}
        sync={notice ? syncs[notice.name] : undefined}
        onSync={syncSource}
        onClose={() => setNotice(undefined)}
      />
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
                const running = isRunning(sync);
                const schedule = syncEveryMinutes(source);
                return (
                  <Fragment key={source.name}>
                    <tr data-testid="source-row" data-source={source.name}>
                      <th scope="row">
                        <span className="source-name">{source.name}</span>
                        <span className="muted small">
                          {' '}
                          {t(source.type === 'git' ? 'sources.typeGit' : 'sources.typeFolder')} ·{' '}
                          {describeSettings(source)}
                          {schedule ? (
                            <span data-testid="source-schedule">
                              {' · '}
                              {t('sources.every', { count: schedule })}
                            </span>
                          ) : null}
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
                          onClick={() => syncSource(source.name)}
                          data-testid="source-sync"
                        >
                          <Icon name="sync" />
                          {running ? t('sources.syncing') : t('sources.sync')}
                        </button>
                        <button
                          type="button"
                          className="button-quiet"
                          ref={(button) => {
                            if (button) editButtons.current.set(source.name, button);
                            else editButtons.current.delete(source.name);
                          }}
                          // Not while a sync runs: a changed source would be synced half with the old settings.
                          disabled={running}
                          aria-expanded={editing === source.name}
                          aria-controls={editing === source.name ? editFormId : undefined}
                          onClick={() => {
                            if (editing === source.name) return closeEditing();
                            setAdding(false);
                            setEditing(source.name);
                          }}
                          data-testid="source-edit"
                        >
                          <Icon name="edit" />
                          {t('sources.edit')}
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

const isRunning = (sync: SyncView | undefined) =>
  sync !== undefined && sync.phase !== 'finished' && sync.phase !== 'failed';

/**
 * Said after a source is saved, politely (a status region, so screen readers hear it). Readers changed:
 * the documents are hidden until a sync, offered here; while it runs the notice says so, and it goes away
 * when it has finished (a failed sync brings the offer back).
 */
function SavedNotice({
  notice,
  sync,
  onSync,
  onClose,
  ref,
}: {
  notice: Notice | undefined;
  sync: SyncView | undefined;
  onSync: (name: string) => void;
  onClose: () => void;
  ref: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  let kind = notice?.kind;
  if (kind === 'hiddenSyncing' && sync?.phase === 'failed') kind = 'hidden';
  if (kind === 'hiddenSyncing' && sync?.phase === 'finished') kind = undefined;
  const name = notice?.name ?? '';
  const text =
    kind === 'saved'
      ? t('sources.saved', { name })
      : kind === 'hidden'
        ? t('sources.aclChanged', { name })
        : kind === 'hiddenSyncing'
          ? t('sources.aclChangedSyncing', { name })
          : '';
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={
        kind ? `panel-notice ${kind === 'saved' ? 'panel-notice-done' : 'panel-notice-warning'}` : undefined
      }
      data-testid={kind ? 'source-notice' : undefined}
      data-kind={kind}
    >
      {/* Always there, so that what appears in it is announced. */}
      <p role="status" className="panel-notice-text">
        {text}
      </p>
      {kind === 'hidden' ? (
        <button
          type="button"
          className="button-secondary"
          disabled={isRunning(sync)}
          onClick={() => onSync(name)}
          data-testid="source-notice-sync"
        >
          <Icon name="sync" />
          {t('sources.sync')}
        </button>
      ) : null}
      {kind ? (
        <button
          type="button"
          className="button-icon button-quiet"
          aria-label={t('common.close')}
          title={t('common.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}
