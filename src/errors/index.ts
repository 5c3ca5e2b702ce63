import { type LocalizedText, text } from '../i18n/index.js';

/**
 * Every failure a user can meet is a SpravkaError with a stable code, a message in both languages,
 * and a hint that says what to do. The HTTP layer maps codes to statuses in one table.
 */
export const ERROR_CODES = [
  'config_invalid',
  'usage',
  'source_not_found',
  'source_exists',
  'source_unavailable',
  'source_invalid',
  'parse_failed',
  'sync_in_progress',
  'sync_failed',
  'storage_failed',
  'storage_read_only',
  'storage_full',
  'query_invalid',
  'embedder_failed',
  'model_invalid',
  'model_missing',
  'model_load_failed',
  'model_download_failed',
  'llm_failed',
  'reranker_failed',
  'cancelled',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'user_exists',
  'last_admin',
  'request_invalid',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface SpravkaErrorOptions {
  hint?: LocalizedText;
  cause?: unknown;
}

export class SpravkaError extends Error {
  override readonly name = 'SpravkaError';
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly hint: LocalizedText | undefined;

  constructor(code: ErrorCode, message: LocalizedText, options: SpravkaErrorOptions = {}) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.text = message;
    this.hint = options.hint;
  }
}

export function isSpravkaError(error: unknown): error is SpravkaError {
  return error instanceof SpravkaError;
}

/** Node's errno code of an error, if it has one (ENOENT, EACCES, ENOSPC…). */
export function errnoCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Wraps anything thrown into a SpravkaError, keeping known ones as they are. */
export function toSpravkaError(error: unknown): SpravkaError {
  if (isSpravkaError(error)) return error;
  const code = errnoCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC' || /SQLITE_FULL|database or disk is full/i.test(detail)) {
    return new SpravkaError('storage_full', text(`The disk is full: ${detail}`, `Диск заполнен: ${detail}`), {
      hint: text(
        'Free some space in the data directory (or raise SPRAVKA_MAX_INDEX_MB), then run the command again; nothing was lost.',
        'Освободите место в каталоге данных (или увеличьте SPRAVKA_MAX_INDEX_MB) и повторите команду; данные не потеряны.',
      ),
      cause: error,
    });
  }
  if (code === 'EROFS' || code === 'EACCES' || /SQLITE_READONLY|readonly database/i.test(detail)) {
    return new SpravkaError(
      'storage_read_only',
      text(
        `The data directory is not writable: ${detail}`,
        `Каталог данных недоступен для записи: ${detail}`,
      ),
      {
        hint: text(
          'Give spravka write access to the data directory (--data-dir or SPRAVKA_DATA_DIR).',
          'Дайте spravka право записи в каталог данных (--data-dir или SPRAVKA_DATA_DIR).',
        ),
        cause: error,
      },
    );
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || /SQLITE_CANTOPEN|unable to open database/i.test(detail)) {
    return new SpravkaError(
      'storage_failed',
      text(`The data directory cannot be used: ${detail}`, `Каталог данных недоступен: ${detail}`),
      {
        hint: text(
          'Point --data-dir (or SPRAVKA_DATA_DIR) at a directory spravka can create and write.',
          'Укажите в --data-dir (или SPRAVKA_DATA_DIR) каталог, который spravka может создать и записывать.',
        ),
        cause: error,
      },
    );
  }
  return new SpravkaError(
    'internal',
    text(`Unexpected error: ${detail}`, `Непредвиденная ошибка: ${detail}`),
    {
      cause: error,
    },
  );
}
