import { SpravkaError } from '../errors/index.js';
import { type LocalizedText, text } from '../i18n/index.js';
import { placeByHand } from './model-errors.js';
import type { ModelFile } from './types.js';

/**
 * The download could not be completed (no network, DNS, timeout, HTTP error): what failed, and how to
 * place the file by hand — the message a server without internet access shows.
 */
export function downloadFailed(
  file: ModelFile,
  path: string,
  address: string,
  reason: LocalizedText,
  cause?: unknown,
): SpravkaError {
  const manual = placeByHand([{ file, path }]);
  return new SpravkaError(
    'model_download_failed',
    text(`Could not download ${address}: ${reason.en}.`, `Не удалось скачать ${address}: ${reason.ru}.`),
    {
      hint: text(
        `Run the command again when the network is back (a partial download resumes), or on a machine with internet ${manual.en}.`,
        `Повторите команду, когда сеть появится (частичная загрузка продолжится), или на машине с интернетом ${manual.ru}.`,
      ),
      cause,
    },
  );
}

/** Several files failed: every reason, and every file to place by hand. */
export function downloadsFailed(
  failures: Array<{ file: ModelFile; path: string; error: SpravkaError }>,
): SpravkaError {
  const manual = placeByHand(failures);
  const reasons = (language: 'en' | 'ru') =>
    failures.map(({ error }) => `\n  ${error.text[language]}`).join('');
  return new SpravkaError(
    'model_download_failed',
    text(
      `${failures.length} files could not be downloaded:${reasons('en')}`,
      `Не удалось скачать файлов: ${failures.length}:${reasons('ru')}`,
    ),
    {
      hint: text(
        `Run the command again when the network is back (partial downloads resume), or on a machine with internet ${manual.en}.`,
        `Повторите команду, когда сеть появится (частичные загрузки продолжатся), или на машине с интернетом ${manual.ru}.`,
      ),
      cause: failures[0]?.error,
    },
  );
}

export function checksumMismatch(file: ModelFile, path: string, actual: string): SpravkaError {
  return new SpravkaError(
    'model_download_failed',
    text(
      `The downloaded ${file.name} is not the expected file: its sha256 is ${actual}, expected ${file.sha256}. The partial download was deleted.`,
      `Скачанный ${file.name} — не тот файл: его sha256 ${actual}, ожидался ${file.sha256}. Частичная загрузка удалена.`,
    ),
    {
      hint: text(
        `Run the command again; if it repeats, something between this server and ${file.url} alters the file (a proxy?): download it elsewhere and place it at ${path}.`,
        `Повторите команду; если ошибка повторится, что-то между сервером и ${file.url} меняет файл (прокси?): скачайте его в другом месте и положите в ${path}.`,
      ),
    },
  );
}

export function sizeMismatch(file: ModelFile, path: string): SpravkaError {
  return new SpravkaError(
    'model_download_failed',
    text(
      `The server sent more than the ${file.size} bytes of ${file.name}; the partial download was deleted.`,
      `Сервер прислал больше ${file.size} байт файла ${file.name}; частичная загрузка удалена.`,
    ),
    {
      hint: text(
        `The file at ${file.url} is not the one spravka expects. Download it elsewhere and place it at ${path} (sha256 ${file.sha256}).`,
        `Файл по адресу ${file.url} — не тот, что ожидает spravka. Скачайте его в другом месте и положите в ${path} (sha256 ${file.sha256}).`,
      ),
    },
  );
}

export function downloadCancelled(path: string): SpravkaError {
  return new SpravkaError(
    'cancelled',
    text(`The download of ${path} was cancelled.`, `Загрузка ${path} отменена.`),
    {
      hint: text(
        'Run the same command again: it resumes where it stopped.',
        'Запустите ту же команду снова: загрузка продолжится с места остановки.',
      ),
    },
  );
}
