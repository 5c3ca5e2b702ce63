import { existsSync, readFileSync } from 'node:fs';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/**
 * The optional configuration file: JSON whose keys are the environment variables without the
 * `SPRAVKA_` prefix, in lower case — `{"llm": "llama:deepseek-r1-1.5b", "threads": 2}` sets
 * SPRAVKA_LLM and SPRAVKA_THREADS. The environment wins over the file, so one setting can be changed
 * for one run without editing it.
 */
export function readConfigFile(path: string, required: boolean): Record<string, string> {
  if (!existsSync(path)) {
    if (!required) return {};
    throw fileError(path, text('the file does not exist', 'файл не существует'));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError(path, text(`it is not valid JSON (${detail})`, `это не корректный JSON (${detail})`));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw fileError(path, text('it must be a JSON object', 'это должен быть объект JSON'));
  }
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!/^[a-z][a-z0-9_]*$/.test(key) || key === 'config') {
      throw fileError(path, text(`"${key}" is not a setting name`, `«${key}» — не имя настройки`));
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw fileError(
        path,
        text(
          `"${key}" must be a string, number or boolean`,
          `«${key}» должно быть строкой, числом или логическим`,
        ),
      );
    }
    settings[`SPRAVKA_${key.toUpperCase()}`] = String(value);
  }
  return settings;
}

function fileError(path: string, problem: { en: string; ru: string }): SpravkaError {
  return new SpravkaError(
    'config_invalid',
    text(
      `The configuration file ${path} cannot be used: ${problem.en}.`,
      `Файл конфигурации ${path} не может быть использован: ${problem.ru}.`,
    ),
    {
      hint: text(
        'Fix the file (see docs/configuration.md) or point SPRAVKA_CONFIG at another one.',
        'Исправьте файл (см. docs/configuration.md) или укажите другой в SPRAVKA_CONFIG.',
      ),
    },
  );
}
