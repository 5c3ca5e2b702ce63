import { SpravkaError } from '../errors/index.js';
import { type LocalizedText, text } from '../i18n/index.js';
import { presetFilePath } from './paths.js';
import { presetSetting } from './setting.js';
import type { ModelFile, ModelPreset, ModelRole, ModelRuntime } from './types.js';

const ROLES: Record<ModelRole, LocalizedText> = {
  llm: text('the language model (SPRAVKA_LLM)', 'языковой модели (SPRAVKA_LLM)'),
  embedder: text('the embedder (SPRAVKA_EMBEDDER)', 'эмбеддера (SPRAVKA_EMBEDDER)'),
  reranker: text('the reranker (SPRAVKA_RERANKER)', 'реранкера (SPRAVKA_RERANKER)'),
};

const RUNTIMES: Record<ModelRuntime, LocalizedText> = {
  llama: text('llama.cpp (a GGUF file)', 'llama.cpp (файл GGUF)'),
  model2vec: text('Model2Vec (a model folder)', 'Model2Vec (каталог модели)'),
  server: text('a model server', 'сервер моделей'),
};

/** What to do by hand without internet: each file's URL, where to put it and its sha256. */
export function placeByHand(files: Array<{ file: ModelFile; path: string }>): LocalizedText {
  const en = files.map(
    ({ file, path }) => `download ${file.url} and place it at ${path} (sha256 ${file.sha256})`,
  );
  const ru = files.map(
    ({ file, path }) => `скачайте ${file.url} и положите в ${path} (sha256 ${file.sha256})`,
  );
  return text(en.join('; '), ru.join('; '));
}

export function presetMissing(preset: ModelPreset, dataDir: string): SpravkaError {
  const manual = placeByHand(
    preset.files.map((file) => ({ file, path: presetFilePath(preset, file, dataDir) })),
  );
  return new SpravkaError(
    'model_missing',
    text(
      `The model "${preset.name}" has not been downloaded into ${dataDir} yet.`,
      `Модель «${preset.name}» ещё не скачана в ${dataDir}.`,
    ),
    {
      hint: text(
        `Run \`spravka models pull ${preset.name}\`, or (without internet) ${manual.en}.`,
        `Выполните \`spravka models pull ${preset.name}\` или (без интернета) ${manual.ru}.`,
      ),
    },
  );
}

export function modelPathMissing(path: string, role: ModelRole): SpravkaError {
  return new SpravkaError(
    'model_missing',
    text(
      `The model ${path} given for ${ROLES[role].en} does not exist.`,
      `Модель ${path}, указанная для ${ROLES[role].ru}, не существует.`,
    ),
    {
      hint: text(
        'Check the path, or name a preset instead (`spravka models list`).',
        'Проверьте путь или укажите пресет (`spravka models list`).',
      ),
    },
  );
}

export function presetNotForThis(preset: ModelPreset, role: ModelRole, runtime: ModelRuntime): SpravkaError {
  return new SpravkaError(
    'config_invalid',
    text(
      `The preset "${preset.name}" is for ${ROLES[preset.role].en}, run by ${RUNTIMES[preset.runtime].en}: use it as ${presetSetting(preset)}. It cannot be ${ROLES[role].en} run by ${RUNTIMES[runtime].en}.`,
      `Пресет «${preset.name}» предназначен для ${ROLES[preset.role].ru}, работает через ${RUNTIMES[preset.runtime].ru}: используйте его как ${presetSetting(preset)}. Для ${ROLES[role].ru} через ${RUNTIMES[runtime].ru} он не подходит.`,
    ),
    { hint: text('See `spravka models list`.', 'См. `spravka models list`.') },
  );
}

export function unknownPreset(name: string, suitable: readonly ModelPreset[]): SpravkaError {
  const names = suitable.map((preset) => preset.name).join(', ') || '—';
  return new SpravkaError(
    'config_invalid',
    text(
      `Unknown preset "${name}"; presets for this role: ${names}.`,
      `Неизвестный пресет «${name}»; пресеты для этой роли: ${names}.`,
    ),
    {
      hint: text(
        'Name one of them, or give a path to the model file (or folder).',
        'Укажите один из них или путь к файлу (или каталогу) модели.',
      ),
    },
  );
}

export function unknownPresetsToPull(names: string[], presets: readonly ModelPreset[]): SpravkaError {
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const known = presets.map((preset) => preset.name).join(', ');
  return new SpravkaError(
    'config_invalid',
    text(`Unknown preset ${quoted}; presets: ${known}.`, `Неизвестный пресет ${quoted}; пресеты: ${known}.`),
    {
      hint: text(
        'Nothing was downloaded. See `spravka models list`.',
        'Ничего не скачано. См. `spravka models list`.',
      ),
    },
  );
}
