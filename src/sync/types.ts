import type { SpravkaError } from '../errors/index.js';
import type { SyncCounts, SyncDetail } from '../stores/types.js';

export interface SyncReport extends SyncCounts {
  source: string;
  runId: number;
  status: 'succeeded' | 'failed' | 'cancelled';
  milliseconds: number;
  details: SyncDetail[];
  error?: SpravkaError;
}

/** What a sync tells as it goes: rendered as a progress bar on a terminal, as SSE in the API. */
export type SyncEvent =
  | { type: 'start'; source: string }
  | { type: 'listed'; source: string; total: number; mode: 'full' | 'delta' }
  | { type: 'progress'; source: string; done: number; total: number; uri: string; counts: SyncCounts }
  | { type: 'embedding'; source: string; done: number; total: number }
  | { type: 'finish'; report: SyncReport };

export const emptyCounts = (): SyncCounts => ({
  added: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
});
