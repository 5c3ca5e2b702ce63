import { useCallback, useState } from 'react';
import type { Language, SyncCounts, SyncEvent, SyncReport } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../session';
import { describe } from '../ui/error-message';

/** What a running or finished sync looks like on screen, folded from its event stream. */
export interface SyncView {
  phase: 'starting' | 'listing' | 'indexing' | 'embedding' | 'finished' | 'failed';
  mode?: 'full' | 'delta';
  done: number;
  total?: number;
  uri?: string;
  counts?: SyncCounts;
  report?: SyncReport;
  error?: { message: string; hint: string | null };
}

export function syncReducer(view: SyncView, event: SyncEvent, language: Language): SyncView {
  switch (event.type) {
    case 'start':
      return { ...view, phase: 'listing' };
    case 'listed':
      return { ...view, phase: 'indexing', total: event.total, mode: event.mode };
    case 'progress':
      return {
        ...view,
        phase: 'indexing',
        done: event.done,
        total: event.total,
        uri: event.uri,
        counts: event.counts,
      };
    case 'embedding':
      return { ...view, phase: 'embedding', done: event.done, total: event.total };
    case 'finish': {
      const { report } = event;
      const failed = report.status !== 'succeeded';
      const error = typeof report.error === 'string' ? { message: report.error, hint: null } : report.error;
      const message = error && 'text' in error ? error.text?.[language] : error?.message;
      const hint = error && typeof error.hint === 'object' && error.hint ? error.hint[language] : null;
      return {
        ...view,
        phase: failed ? 'failed' : 'finished',
        report,
        counts: report,
        ...(failed && message ? { error: { message, hint } } : {}),
      };
    }
    case 'error': {
      const message = typeof event.message === 'string' ? event.message : event.message[language];
      return { ...view, phase: 'failed', error: { message, hint: event.hint ?? null } };
    }
    case 'end':
      return view;
  }
}

/**
 * Syncs watched from this page, by source name. The server runs a sync in the background (leaving the
 * page does not stop it); asking to sync a source that is already syncing joins that run's progress.
 */
export function useSyncs(onFinished: () => void) {
  const api = useApi();
  const { t, language } = useI18n();
  const [syncs, setSyncs] = useState<Record<string, SyncView>>({});

  const start = useCallback(
    async (name: string) => {
      const update = (change: (view: SyncView) => SyncView) =>
        setSyncs((current) => ({
          ...current,
          [name]: change(current[name] ?? { phase: 'starting', done: 0 }),
        }));
      update(() => ({ phase: 'starting', done: 0 }));
      try {
        for await (const event of api.admin.sync(name)) {
          update((view) => syncReducer(view, event, language));
        }
        update((view) =>
          view.phase === 'finished' || view.phase === 'failed'
            ? view
            : { ...view, phase: 'failed', error: { message: t('sync.incomplete'), hint: null } },
        );
      } catch (error) {
        update((view) => ({
          ...view,
          phase: 'failed',
          error: describe(error, t('error.network'), t('error.unexpected')),
        }));
      }
      onFinished();
    },
    [api, t, language, onFinished],
  );

  return { syncs, start };
}
