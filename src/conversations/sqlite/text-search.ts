import type { Database } from './database.js';

/**
 * Case-insensitive matching for the conversation search. SQLite's own `lower()` and `LIKE` fold only
 * ASCII, which would make «Nginx» and «НАСТРОЙКА» case-sensitive; this folds every script (and ё to е).
 */
export const FOLD_FUNCTION = 'spravka_fold';

export function foldText(value: string): string {
  return value.toLowerCase().replaceAll('ё', 'е');
}

/** Registers `spravka_fold(text)` on the connection (idempotent). */
export function registerFoldFunction(database: Database): void {
  database.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : value,
  );
}
