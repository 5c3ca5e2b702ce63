import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';

/**
 * The error for a file a parser cannot read: says which file and which format, and what to do.
 * @param format the format's name as users know it (`PDF`, `DOCX`).
 */
export function parseFailure(path: string, format: string, cause: unknown): SpravkaError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new SpravkaError(
    'parse_failed',
    text(
      `Cannot read ${path} as ${format}: ${detail}`,
      `Не удалось прочитать ${path} как ${format}: ${detail}`,
    ),
    {
      hint: text(
        `Check that the file is a valid ${format} that is not damaged or password-protected, or exclude it from the source.`,
        `Проверьте, что файл — исправный ${format} без пароля, или исключите его из источника.`,
      ),
      cause,
    },
  );
}
