import { hostname } from 'node:os';
import type { SourceType } from '../../domain/types.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type {
  Catalog,
  NewSource,
  SourceRecord,
  SyncCounts,
  SyncDetail,
  SyncRunRecord,
  SyncStatus,
} from '../types.js';
import type { SqliteDatabase } from './database.js';

interface SourceRow {
  id: number;
  name: string;
  type: string;
  settings: string;
  acl: string;
  cursor: string | null;
  created_at: string;
  last_sync_at: string | null;
}

interface RunRow {
  id: number;
  source_id: number | null;
  source_name: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  failed: number;
  error: string | null;
  details: string;
}

/** Sources, sync runs and sync locks in the SQLite catalog. */
export class SqliteCatalog implements Catalog {
  constructor(private readonly database: SqliteDatabase) {}

  addSource(source: NewSource): SourceRecord {
    if (this.findSource(source.name)) {
      throw new SpravkaError(
        'source_exists',
        text(`A source named "${source.name}" already exists.`, `Источник «${source.name}» уже есть.`),
        {
          hint: text(
            'Choose another name, or remove the old source first: spravka source remove NAME',
            'Выберите другое имя или удалите старый источник: spravka source remove ИМЯ',
          ),
        },
      );
    }
    const info = this.database
      .prepare('INSERT INTO sources (name, type, settings, acl, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(source.name, source.type, JSON.stringify(source.settings), JSON.stringify(source.acl), now());
    return this.requireSourceById(Number(info.lastInsertRowid));
  }

  listSources(): SourceRecord[] {
    const rows = this.database.prepare('SELECT * FROM sources ORDER BY name').all() as SourceRow[];
    return rows.map(toSource);
  }

  findSource(name: string): SourceRecord | undefined {
    const row = this.database.prepare('SELECT * FROM sources WHERE name = ?').get(name) as
      | SourceRow
      | undefined;
    return row ? toSource(row) : undefined;
  }

  requireSource(name: string): SourceRecord {
    const source = this.findSource(name);
    if (source) return source;
    throw new SpravkaError(
      'source_not_found',
      text(`No source named "${name}".`, `Источника «${name}» нет.`),
      {
        hint: text('See the sources with: spravka source list', 'Список источников: spravka source list'),
      },
    );
  }

  private requireSourceById(id: number): SourceRecord {
    const row = this.database.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow;
    return toSource(row);
  }

  /** Removes the source with its documents, chunks and index entries, in one transaction. */
  removeSource(name: string, removeDocuments: (sourceId: number) => void): void {
    const source = this.requireSource(name);
    this.database.transaction(() => {
      removeDocuments(source.id);
      this.database.prepare('DELETE FROM sources WHERE id = ?').run(source.id);
    })();
  }

  updateSource(
    name: string,
    changes: { settings?: Record<string, unknown>; acl?: string[] },
    whenAclChanges: (sourceId: number) => void,
  ): SourceRecord {
    const source = this.requireSource(name);
    const aclChanged =
      changes.acl !== undefined && JSON.stringify(changes.acl) !== JSON.stringify(source.acl);
    this.database.transaction(() => {
      this.database
        .prepare('UPDATE sources SET settings = ?, acl = ? WHERE id = ?')
        .run(
          JSON.stringify(changes.settings ?? source.settings),
          JSON.stringify(changes.acl ?? source.acl),
          source.id,
        );
      // Settings or permissions changed: the next sync starts from scratch, never from the old cursor.
      this.database.prepare('UPDATE sources SET cursor = NULL WHERE id = ?').run(source.id);
      if (aclChanged) whenAclChanges(source.id);
    })();
    return this.requireSource(name);
  }

  setCursor(sourceId: number, cursor: string | undefined): void {
    this.database
      .prepare('UPDATE sources SET cursor = ?, last_sync_at = ? WHERE id = ?')
      .run(cursor ?? null, now(), sourceId);
  }

  /**
   * Takes the source's sync lock. A lock held by a live process is refused; one left by a process that
   * died (killed sync) is taken over, and the run it left open is marked failed.
   */
  acquireSyncLock(source: SourceRecord): void {
    this.database
      .transaction(() => {
        const held = this.database.prepare('SELECT pid FROM sync_locks WHERE source_id = ?').get(source.id) as
          | { pid: number }
          | undefined;
        if (held && held.pid !== process.pid && isAlive(held.pid)) {
          throw new SpravkaError(
            'sync_in_progress',
            text(
              `Source "${source.name}" is being synced by another process (pid ${held.pid} on ${hostname()}).`,
              `Источник «${source.name}» уже синхронизируется другим процессом (pid ${held.pid} на ${hostname()}).`,
            ),
            { hint: text('Wait for it to finish, then run again.', 'Дождитесь её окончания и повторите.') },
          );
        }
        this.database
          .prepare(
            `UPDATE sync_runs SET status = 'failed', finished_at = ?, error = 'interrupted: the process was stopped'
             WHERE source_id = ? AND status = 'running'`,
          )
          .run(now(), source.id);
        this.database
          .prepare('INSERT OR REPLACE INTO sync_locks (source_id, pid, acquired_at) VALUES (?, ?, ?)')
          .run(source.id, process.pid, now());
      })
      .immediate();
  }

  releaseSyncLock(sourceId: number): void {
    this.database
      .prepare('DELETE FROM sync_locks WHERE source_id = ? AND pid = ?')
      .run(sourceId, process.pid);
  }

  startRun(source: SourceRecord): number {
    const info = this.database
      .prepare(
        `INSERT INTO sync_runs (source_id, source_name, status, started_at) VALUES (?, ?, 'running', ?)`,
      )
      .run(source.id, source.name, now());
    return Number(info.lastInsertRowid);
  }

  finishRun(
    runId: number,
    status: SyncStatus,
    counts: SyncCounts,
    details: SyncDetail[],
    error?: string,
  ): void {
    this.database
      .prepare(
        `UPDATE sync_runs SET status = ?, finished_at = ?, added = ?, updated = ?, deleted = ?, unchanged = ?,
         skipped = ?, failed = ?, error = ?, details = ? WHERE id = ?`,
      )
      .run(
        status,
        now(),
        counts.added,
        counts.updated,
        counts.deleted,
        counts.unchanged,
        counts.skipped,
        counts.failed,
        error ?? null,
        JSON.stringify(details.slice(0, 500)),
        runId,
      );
  }

  listRuns(sourceId?: number, limit = 20): SyncRunRecord[] {
    const rows = (
      sourceId === undefined
        ? this.database.prepare('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit)
        : this.database
            .prepare('SELECT * FROM sync_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?')
            .all(sourceId, limit)
    ) as RunRow[];
    return rows.map(toRun);
  }

  getMeta(key: string): string | undefined {
    const row = this.database.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function now(): string {
  return new Date().toISOString();
}

function toSource(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type as SourceType,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    acl: JSON.parse(row.acl) as string[],
    cursor: row.cursor,
    createdAt: row.created_at,
    lastSyncAt: row.last_sync_at,
  };
}

function toRun(row: RunRow): SyncRunRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    status: row.status as SyncStatus,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    added: row.added,
    updated: row.updated,
    deleted: row.deleted,
    unchanged: row.unchanged,
    skipped: row.skipped,
    failed: row.failed,
    error: row.error,
    details: JSON.parse(row.details) as SyncDetail[],
  };
}
