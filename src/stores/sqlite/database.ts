import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { SpravkaError, toSpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { MIGRATIONS } from './migrations.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the SQLite file with sqlite-vec loaded, WAL journaling, foreign keys on,
 * and every pending migration applied. A file written by a newer spravka is refused, not downgraded.
 */
export function openDatabase(
  path: string,
  options: { readonly?: boolean; maxBytes?: number } = {},
): SqliteDatabase {
  let database: SqliteDatabase;
  try {
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    database = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw toSpravkaError(error);
  }
  try {
    sqliteVec.load(database);
    if (!options.readonly) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('cache_size = -65536');
    // Vector scans read every vector: memory-mapping the file makes them several times faster.
    database.pragma('mmap_size = 2147483648');
    if (!options.readonly) migrate(database);
    if (options.maxBytes) {
      const pageSize = database.pragma('page_size', { simple: true }) as number;
      database.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
    }
    return database;
  } catch (error) {
    database.close();
    throw error instanceof SpravkaError ? error : toSpravkaError(error);
  }
}

function migrate(database: SqliteDatabase): void {
  const current = database.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new SpravkaError(
      'storage_failed',
      text(
        `The index was written by a newer spravka (schema ${current}, this one knows ${MIGRATIONS.length}).`,
        `Индекс создан более новой версией spravka (схема ${current}, эта знает ${MIGRATIONS.length}).`,
      ),
      {
        hint: text(
          'Upgrade spravka, or point --data-dir elsewhere.',
          'Обновите spravka или укажите другой --data-dir.',
        ),
      },
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    database.transaction(() => {
      database.exec(MIGRATIONS[version] as string);
      database.pragma(`user_version = ${version + 1}`);
    })();
  }
}
