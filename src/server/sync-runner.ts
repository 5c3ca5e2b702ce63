import type { Logger } from 'pino';
import { toSpravkaError } from '../errors/index.js';
import type { SyncEvent } from '../sync/index.js';

export type SyncRunEvent =
  | SyncEvent
  | { type: 'error'; code: string; message: { en: string; ru: string } }
  | { type: 'end' };

interface Run {
  /** The latest event of each type, replayed to a listener that joins late. */
  latest: Map<string, SyncRunEvent>;
  listeners: Set<(event: SyncRunEvent) => void>;
}

/**
 * Runs syncs started from the web in the background: the sync goes on when the browser that started it
 * goes away; anyone may watch it (late watchers get the latest state first). One run per source.
 */
export class SyncRunner {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly sync: (names: string[]) => AsyncGenerator<SyncEvent, unknown>,
    private readonly logger: Logger,
  ) {}

  isRunning(name: string): boolean {
    return this.runs.has(name);
  }

  /** Starts a sync of the source unless one is running; either way `listener` sees its events to the end. */
  watch(name: string, listener: (event: SyncRunEvent) => void): () => void {
    let run = this.runs.get(name);
    if (!run) {
      run = { latest: new Map(), listeners: new Set() };
      this.runs.set(name, run);
      void this.execute(name, run);
    } else for (const event of run.latest.values()) listener(event);
    run.listeners.add(listener);
    const current = run;
    return () => current.listeners.delete(listener);
  }

  private async execute(name: string, run: Run): Promise<void> {
    const emit = (event: SyncRunEvent) => {
      run.latest.set(event.type, event);
      for (const listener of run.listeners) listener(event);
    };
    try {
      for await (const event of this.sync([name])) emit(event);
    } catch (error) {
      const failure = toSpravkaError(error);
      this.logger.warn({ source: name, code: failure.code }, 'sync failed');
      emit({ type: 'error', code: failure.code, message: failure.text });
    } finally {
      this.runs.delete(name);
      emit({ type: 'end' });
    }
  }
}
