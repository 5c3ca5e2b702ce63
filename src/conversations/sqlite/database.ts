import type BetterSqlite3 from 'better-sqlite3';

/** The one spravka SQLite database (opened, migrated and closed by the composition root). */
export type Database = BetterSqlite3.Database;

/** The clock the store reads; injectable so tests can move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
