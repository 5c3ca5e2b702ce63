import { SpravkaError } from '../../errors/index.js';
import { type LocalizedText, text } from '../../i18n/index.js';

/** The files a Model2Vec model directory must hold. */
export const MODEL_FILES = ['tokenizer.json', 'model.safetensors', 'config.json'] as const;
export type ModelFileName = (typeof MODEL_FILES)[number];

/**
 * A model file exists but cannot be used (truncated, malformed, inconsistent with the other files).
 * `problem` says what is wrong in each language; the hint names the file to replace.
 */
export function invalidModelFile(
  path: string,
  problem: { en: string; ru: string },
  cause?: unknown,
): SpravkaError {
  return new SpravkaError(
    'model_invalid',
    text(
      `The model file ${path} is unusable: ${problem.en}`,
      `Файл модели ${path} непригоден: ${problem.ru}`,
    ),
    {
      hint: text(
        `Replace ${path} with an intact copy from the same Model2Vec model (download it again), then restart.`,
        `Замените ${path} целой копией из той же модели Model2Vec (скачайте заново) и перезапустите.`,
      ),
      cause,
    },
  );
}

/** The model directory does not exist or is not a directory. */
export function missingModelDirectory(directory: string, cause?: unknown): SpravkaError {
  return new SpravkaError(
    'model_invalid',
    text(
      `The Model2Vec model directory ${directory} does not exist.`,
      `Каталог модели Model2Vec ${directory} не существует.`,
    ),
    { hint: placementHint(), cause },
  );
}

/** Some of the model files are missing or unreadable. */
export function missingModelFiles(
  directory: string,
  missing: readonly string[],
  cause?: unknown,
): SpravkaError {
  const list = missing.join(', ');
  return new SpravkaError(
    'model_invalid',
    text(
      `The Model2Vec model in ${directory} is incomplete: missing or unreadable ${list}.`,
      `Модель Model2Vec в ${directory} неполная: нет или не читается ${list}.`,
    ),
    { hint: placementHint(), cause },
  );
}

function placementHint(): LocalizedText {
  const required = MODEL_FILES.join(', ');
  return text(
    `The directory must contain ${required}. Run \`spravka models pull\` (coming in a later version) ` +
      'or ask an administrator to place the model files there.',
    `В каталоге должны быть ${required}. Выполните \`spravka models pull\` (появится в следующей версии) ` +
      'или попросите администратора положить туда файлы модели.',
  );
}
