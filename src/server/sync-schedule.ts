import type { SourceRecord } from '../stores/index.js';

/**
 * The sources whose schedule (`syncEveryMinutes`) says they are due: never synced, or last synced longer
 * ago than their interval. Pure, so the server's timer only asks and starts.
 */
export function dueSources(sources: SourceRecord[], now: Date): SourceRecord[] {
  return sources.filter((source) => {
    const minutes = source.settings.syncEveryMinutes;
    if (typeof minutes !== 'number') return false;
    if (!source.lastSyncAt) return true;
    return now.getTime() - Date.parse(source.lastSyncAt) >= minutes * 60_000;
  });
}

/** Checks every minute and starts the syncs that are due (in the background, one per source at a time). */
export function startSyncSchedule(
  listSources: () => SourceRecord[],
  start: (name: string) => void,
  intervalMilliseconds = 60_000,
): () => void {
  const timer = setInterval(() => {
    for (const source of dueSources(listSources(), new Date())) start(source.name);
  }, intervalMilliseconds);
  timer.unref();
  return () => clearInterval(timer);
}
