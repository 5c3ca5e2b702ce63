import { useI18n } from '../i18n';
import type { SyncView } from './use-syncs';

/** Live progress of one sync: a progress bar, the file at hand, and the counts; then the result. */
export function SyncProgress({ view }: { view: SyncView }) {
  const { t, formatNumber } = useI18n();
  const counts = view.counts;
  const running = view.phase !== 'finished' && view.phase !== 'failed';
  const label =
    view.phase === 'starting' || view.phase === 'listing'
      ? t('sync.listing')
      : view.phase === 'embedding'
        ? t('sync.embedding', { done: view.done, total: view.total ?? 0 })
        : view.phase === 'indexing'
          ? t(view.mode === 'delta' ? 'sync.indexingDelta' : 'sync.indexing', {
              done: view.done,
              total: view.total ?? 0,
            })
          : view.phase === 'finished'
            ? t('sync.finished', { seconds: ((view.report?.milliseconds ?? 0) / 1000).toFixed(1) })
            : t('sync.failed');

  return (
    <div className={`sync-progress sync-${view.phase}`} data-testid="sync-progress" data-phase={view.phase}>
      <div className="sync-progress-line" role="status" aria-live="polite">
        {label}
      </div>
      {running ? (
        <progress
          max={view.total || undefined}
          value={view.total ? view.done : undefined}
          aria-label={label}
        />
      ) : null}
      {running && view.uri ? <code className="sync-uri small">{view.uri}</code> : null}
      {counts ? (
        <p className="sync-counts small muted">
          {t('sync.counts', {
            added: formatNumber(counts.added),
            updated: formatNumber(counts.updated),
            deleted: formatNumber(counts.deleted),
            unchanged: formatNumber(counts.unchanged),
            skipped: formatNumber(counts.skipped),
            failed: formatNumber(counts.failed),
          })}
        </p>
      ) : null}
      {view.error ? (
        <div className="error-message small" role="alert">
          <p>{view.error.message}</p>
          {view.error.hint ? <p className="error-hint">{view.error.hint}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
