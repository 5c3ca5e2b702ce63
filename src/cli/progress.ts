import cliProgress from 'cli-progress';
import type { SyncEvent } from '../sync/index.js';
import type { Output } from './output.js';

/**
 * Renders sync events: a progress bar per source on a terminal, nothing but the final report elsewhere
 * (logs and pipes stay clean).
 */
export function createSyncProgress(output: Output): { onEvent(event: SyncEvent): void; stop(): void } {
  if (!output.interactive) return { onEvent: () => {}, stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  const label = output.language === 'ru' ? 'файлов' : 'files';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onEvent(event) {
      if (event.type === 'listed' || (event.type === 'embedding' && !bar)) {
        stop();
        const name = event.type === 'embedding' ? 'embeddings' : event.source;
        bar = new cliProgress.SingleBar(
          {
            format: `${name} [{bar}] {percentage}% | {value}/{total} ${event.type === 'embedding' ? 'chunks' : label} | {eta_formatted} | {item}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.total, 0, { item: '' });
      } else if (event.type === 'progress') {
        bar?.update(event.done, { item: event.uri.length > 40 ? `…${event.uri.slice(-39)}` : event.uri });
      } else if (event.type === 'embedding') {
        bar?.update(event.done);
      } else if (event.type === 'finish') {
        stop();
      }
    },
    stop,
  };
}
