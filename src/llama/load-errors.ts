import { basename } from 'node:path';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/** What went wrong loading a GGUF file, in the user's terms. */
export function modelLoadError(path: string, error: unknown): SpravkaError {
  const detail = error instanceof Error ? error.message : String(error);
  const name = basename(path);
  if (/memory|too large for the available|ENOMEM|bad_alloc/i.test(detail)) {
    return new SpravkaError(
      'model_load_failed',
      text(
        `Not enough memory to load the model ${name}: ${detail}`,
        `Недостаточно памяти для загрузки модели ${name}: ${detail}`,
      ),
      {
        hint: text(
          'Choose a smaller model or quantisation (spravka models list), lower SPRAVKA_LLM_CONTEXT, or free memory.',
          'Выберите модель или квантование поменьше (spravka models list), уменьшите SPRAVKA_LLM_CONTEXT или освободите память.',
        ),
        cause: error,
      },
    );
  }
  return new SpravkaError(
    'model_invalid',
    text(
      `The model file ${path} cannot be loaded: ${detail}`,
      `Файл модели ${path} не загружается: ${detail}`,
    ),
    {
      hint: text(
        'The file is damaged or not a GGUF model this version supports: download it again (spravka models pull) or choose another file.',
        'Файл повреждён или это не GGUF-модель, поддерживаемая этой версией: скачайте его заново (spravka models pull) или выберите другой.',
      ),
      cause: error,
    },
  );
}

export function modelFileMissing(path: string): SpravkaError {
  return new SpravkaError(
    'model_missing',
    text(`The model file ${path} does not exist.`, `Файл модели ${path} не существует.`),
    {
      hint: text(
        'Check the path in SPRAVKA_LLM / SPRAVKA_EMBEDDER / SPRAVKA_RERANKER, or name a preset and run spravka models pull.',
        'Проверьте путь в SPRAVKA_LLM / SPRAVKA_EMBEDDER / SPRAVKA_RERANKER или укажите пресет и выполните spravka models pull.',
      ),
    },
  );
}
