import { join } from 'node:path';
import { Spravka } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import type { SyncEvent, SyncReport } from '../src/sync/index.js';
import { temporaryDirectory } from './files.js';

/** A Spravka over a fresh data directory, configured as from the environment given. */
export async function createTestSpravka(environment: Record<string, string> = {}): Promise<{
  spravka: Spravka;
  dataDir: string;
  cleanup: () => void;
}> {
  const directory = temporaryDirectory('spravka-data-');
  const dataDir = join(directory.path, 'data');
  const spravka = await Spravka.create(loadConfig({ ...environment, SPRAVKA_DATA_DIR: dataDir }));
  return {
    spravka,
    dataDir,
    cleanup: () => {
      spravka.close();
      directory.cleanup();
    },
  };
}

/** Runs a sync to the end; returns its reports and every event it yielded. */
export async function runSync(
  spravka: Spravka,
  names: string[] = [],
): Promise<{ reports: SyncReport[]; events: SyncEvent[] }> {
  const events: SyncEvent[] = [];
  const reports: SyncReport[] = [];
  for await (const event of spravka.sync(names)) {
    events.push(event);
    if (event.type === 'finish') reports.push(event.report);
  }
  return { reports, events };
}
