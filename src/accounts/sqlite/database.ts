import type BetterSqlite3 from 'better-sqlite3';

/** The one spravka SQLite database (opened, migrated and closed by the composition root). */
export type Database = BetterSqlite3.Database;

/** The clock the stores read; injectable so tests can move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** True for SQLite's UNIQUE-constraint failure (a race between two inserts of the same name). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
