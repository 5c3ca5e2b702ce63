import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../stores/index.js';
import { dueSources } from './sync-schedule.js';

const source = (
  name: string,
  settings: Record<string, unknown>,
  lastSyncAt: string | null,
): SourceRecord => ({
  id: 1,
  name,
  type: 'folder',
  settings,
  acl: ['public'],
  cursor: null,
  createdAt: '2026-11-28T00:00:00Z',
  lastSyncAt,
});

describe('dueSources', () => {
  it('picks scheduled sources never synced or synced longer ago than their interval', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const due = dueSources(
      [
        source('manual', {}, null),
        source('never', { syncEveryMinutes: 60 }, null),
        source('stale', { syncEveryMinutes: 60 }, '2026-11-28T10:59:00Z'),
        source('fresh', { syncEveryMinutes: 60 }, '2026-11-28T11:30:00Z'),
      ],
      now,
    );
    expect(due.map((item) => item.name)).toEqual(['never', 'stale']);
  });
});
