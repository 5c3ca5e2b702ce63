import type { SyncRun } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { ErrorMessage } from '../ui/error-message';
import { useLoad } from '../ui/use-load';

/** A source's sync history: when, how it ended, the counts, and the files that were skipped or failed. */
export function SourceRuns({ name }: { name: string }) {
  const api = useApi();
  const { t, formatDate } = useI18n();
  const runs = useLoad(() => api.admin.runs(name), [api, name]);
  if (runs.error) return <ErrorMessage error={runs.error} />;
  if (!runs.data) return <p className="muted small">{t('common.loading')}</p>;
  if (runs.data.length === 0) return <p className="muted small">{t('runs.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="source-runs">
        <caption className="sr-only">{t('runs.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runs.started')}</th>
            <th scope="col">{t('runs.status')}</th>
            <th scope="col">{t('runs.counts')}</th>
            <th scope="col">{t('runs.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((run, index) => (
            <tr key={run.id ?? index}>
              <td>{run.startedAt ? formatDate(run.startedAt) : '—'}</td>
              <td>
                <RunStatus run={run} />
              </td>
              <td className="small">
                {t('runs.countsValue', {
                  added: run.added ?? 0,
                  updated: run.updated ?? 0,
                  deleted: run.deleted ?? 0,
                  skipped: run.skipped ?? 0,
                  failed: run.failed ?? 0,
                })}
              </td>
              <td className="small">
                {run.error ? <p className="field-error">{run.error}</p> : null}
                {run.details && run.details.length > 0 ? (
                  <details>
                    <summary>{t('runs.details', { count: run.details.length })}</summary>
                    <ul className="run-details">
                      {run.details.map((detail) => (
                        <li key={`${detail.kind}:${detail.uri}`}>
                          <code>{detail.uri}</code> —{' '}
                          {detail.kind === 'failed' ? t('runs.failedFile') : t('runs.skippedFile')}:{' '}
                          {detail.reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RunStatus({ run }: { run: Pick<SyncRun, 'status'> }) {
  const { t } = useI18n();
  return <span className={`status status-${run.status}`}>{t(`runs.${run.status}`)}</span>;
}
