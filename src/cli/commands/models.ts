import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../../config/index.js';
import { type Language, render, text } from '../../i18n/index.js';
import {
  defaultPreset,
  findPreset,
  isPresetPresent,
  listPresets,
  type ModelPreset,
  type PullEvent,
  presetFilePath,
  presetSetting,
  pullModels,
} from '../../models/index.js';
import { type CommandContext, helpText } from '../context.js';
import { type Output, reportError } from '../output.js';

export function registerModelsCommands(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  const models = program
    .command('models')
    .description(
      help(
        'model presets: what there is, and downloading them',
        'пресеты моделей: какие есть и как их скачать',
      ),
    );
  models
    .command('list')
    .description(
      help(
        'list the presets, which are downloaded, and the setting that uses each',
        'список пресетов: какие скачаны и какая настройка их использует',
      ),
    )
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { json?: boolean }) => {
      const { dataDir } = context.config();
      if (options.json)
        context.output.stdout(JSON.stringify(describe(dataDir, context.output.language), null, 2));
      else printTable(context.output, dataDir);
    });
  models
    .command('pull [names...]')
    .description(
      help(
        'download presets into <data dir>/models, resuming and verifying (the defaults when none named)',
        'скачать пресеты в <каталог данных>/models с докачкой и проверкой (по умолчанию — стандартные)',
      ),
    )
    .option(
      '--mirror <url>',
      help(
        'download from this mirror of huggingface.co (e.g. a company proxy)',
        'скачивать с этого зеркала huggingface.co (например, прокси компании)',
      ),
    )
    .action(async (names: string[], options: { mirror?: string }) => {
      const { dataDir } = context.config();
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const progress = createPullProgress(context.output);
      const ready = new Set<string>();
      try {
        for await (const event of pullModels(names, {
          dataDir,
          signal: controller.signal,
          ...(options.mirror ? { mirror: options.mirror } : {}),
        })) {
          progress.onEvent(event);
          if (event.type === 'verified' || event.type === 'present') ready.add(event.preset);
        }
      } catch (error) {
        progress.stop();
        printReady(context.output, [...ready], dataDir);
        throw error;
      } finally {
        progress.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      printReady(context.output, [...ready], dataDir);
    });
}

function totalSize(preset: ModelPreset): number {
  return preset.files.reduce((sum, file) => sum + file.size, 0);
}

function describe(dataDir: string, language: Language) {
  return listPresets().map((preset) => ({
    name: preset.name,
    role: preset.role,
    runtime: preset.runtime,
    isDefault: preset.isDefault,
    present: isPresetPresent(preset, dataDir),
    size: totalSize(preset),
    languages: preset.languages,
    licence: preset.licence,
    description: render(preset.description, language),
    hardware: render(preset.hardware, language),
    setting: presetSetting(preset),
    files: preset.files.map((file) => ({ ...file, path: presetFilePath(preset, file, dataDir) })),
    ...(preset.server ? { server: preset.server } : {}),
  }));
}

function printTable(output: Output, dataDir: string): void {
  const say = (en: string, ru: string) => render(text(en, ru), output.language);
  const rows = listPresets().map((preset) => [
    `${preset.isDefault ? '*' : ' '} ${preset.name}`,
    preset.role,
    preset.runtime,
    preset.runtime === 'server' ? '—' : formatSize(totalSize(preset), output.language),
    preset.languages.join(','),
    preset.runtime === 'server'
      ? say('server', 'сервер')
      : isPresetPresent(preset, dataDir)
        ? say('present', 'скачана')
        : say('missing', 'нет'),
    render(preset.hardware, output.language),
  ]);
  const header = [
    say('  NAME', '  ИМЯ'),
    say('ROLE', 'РОЛЬ'),
    say('RUNTIME', 'ЗАПУСК'),
    say('SIZE', 'РАЗМЕР'),
    say('LANGUAGES', 'ЯЗЫКИ'),
    say('STATUS', 'СТАТУС'),
    say('HARDWARE', 'ОБОРУДОВАНИЕ'),
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ');
  output.stdout(line(header));
  listPresets().forEach((preset, index) => {
    output.stdout(line(rows[index] ?? []));
    if (preset.runtime === 'server') output.stdout(`      ${presetSetting(preset)}`);
  });
  output.stdout('');
  output.stdout(
    say(
      `* default: used by "auto" once pulled. Files go to ${dataDir}/models/<name>/. Download: spravka models pull [NAME…]`,
      `* по умолчанию: их берёт «auto», когда они скачаны. Файлы лежат в ${dataDir}/models/<имя>/. Скачать: spravka models pull [ИМЯ…]`,
    ),
  );
}

function printReady(output: Output, names: string[], dataDir: string): void {
  const presets = names.map((name) => findPreset(name)).filter((preset) => preset !== undefined);
  if (presets.length === 0) return;
  output.stdout(render(text('Ready to use:', 'Можно использовать:'), output.language));
  for (const preset of presets) {
    const automatic = preset.isDefault
      ? render(text(' (the default: "auto" uses it)', ' (по умолчанию: её берёт «auto»)'), output.language)
      : '';
    output.stdout(`  ${presetSetting(preset)}${automatic}`);
  }
  output.stdout(render(text(`Files: ${dataDir}/models`, `Файлы: ${dataDir}/models`), output.language));
}

/** Progress of a pull: a bar per file on a terminal, a line per step (and per 10%) otherwise. */
function createPullProgress(output: Output): { onEvent(event: PullEvent): void; stop(): void } {
  const language = output.language;
  let bar: cliProgress.SingleBar | undefined;
  let nextTenth = 0;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onEvent(event) {
      const label = event.type === 'server' ? event.preset : `${event.preset}/${event.file}`;
      if (event.type === 'start') {
        const size = formatSize(event.total, language);
        nextTenth = Math.floor((event.resumedFrom / event.total) * 10) + 1;
        if (output.interactive) {
          stop();
          bar = new cliProgress.SingleBar(
            {
              format: `${label} [{bar}] {percentage}% | {done}/${size} | {eta_formatted}`,
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, event.resumedFrom, { done: formatSize(event.resumedFrom, language) });
        } else if (event.resumedFrom > 0) {
          const from = formatSize(event.resumedFrom, language);
          output.stderr(
            render(
              text(`${label}: resuming at ${from} of ${size}`, `${label}: продолжение с ${from} из ${size}`),
              language,
            ),
          );
        } else {
          output.stderr(
            render(text(`${label}: downloading ${size}`, `${label}: загрузка ${size}`), language),
          );
        }
      } else if (event.type === 'progress') {
        bar?.update(event.done, { done: formatSize(event.done, language) });
        const tenth = Math.floor((event.done / event.total) * 10);
        if (!output.interactive && tenth >= nextTenth && tenth < 10) {
          nextTenth = tenth + 1;
          output.stderr(`${label}: ${tenth * 10}%`);
        }
      } else if (event.type === 'verified') {
        stop();
        output.stderr(
          render(
            text(`${label}: downloaded, sha256 verified`, `${label}: скачан, sha256 совпадает`),
            language,
          ),
        );
      } else if (event.type === 'present') {
        output.stderr(
          render(text(`${label}: already there, verified`, `${label}: уже на месте, проверен`), language),
        );
      } else {
        const serve = event.ollama
          ? `ollama pull ${event.ollama}`
          : event.vllm
            ? `vllm serve ${event.vllm}`
            : '';
        const how = serve
          ? render(text(` Serve it (${serve}), then set`, ` Запустите его (${serve}) и задайте`), language)
          : '';
        output.stdout(
          render(
            text(
              `${label}: nothing to download, it runs on a model server.${how || ' Set'} ${event.setting}`,
              `${label}: скачивать нечего, модель работает на сервере моделей.${how || ' Задайте'} ${event.setting}`,
            ),
            language,
          ),
        );
      }
    },
    stop,
  };
}

/** 1117320576 → "1.1 GB" ("1,1 ГБ"): decimal units, as Hugging Face shows them. */
function formatSize(bytes: number, language: Language): string {
  const units = language === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = value.toFixed(digits);
  return `${language === 'ru' ? number.replace('.', ',') : number} ${units[unit]}`;
}

/**
 * `serve --pull-models` (what `scripts/start.sh` runs): downloads the default presets that `auto` settings
 * would use and that are missing. Without internet it says which files to place where, and spravka starts
 * in the mode it can (lexical search, extractive answers).
 */
export async function pullMissingDefaults(output: Output, config: Config): Promise<void> {
  const roles = (['llm', 'embedder', 'reranker'] as const).filter((role) => config[role].kind === 'auto');
  const missing = roles
    .map((role) => defaultPreset(role))
    .filter((preset) => preset.runtime !== 'server' && !isPresetPresent(preset, config.dataDir));
  if (missing.length === 0) return;
  output.stderr(
    render(
      text(
        `Downloading the default models (${missing.map((preset) => preset.name).join(', ')})…`,
        `Скачиваю стандартные модели (${missing.map((preset) => preset.name).join(', ')})…`,
      ),
      output.language,
    ),
  );
  const progress = createPullProgress(output);
  try {
    for await (const event of pullModels(
      missing.map((preset) => preset.name),
      { dataDir: config.dataDir },
    ))
      progress.onEvent(event);
  } catch (error) {
    progress.stop();
    reportError(output, error);
    output.stderr(
      render(
        text(
          'spravka starts without them; run "spravka models pull" when the files can be had.',
          'spravka запускается без них; выполните «spravka models pull», когда файлы станут доступны.',
        ),
        output.language,
      ),
    );
  } finally {
    progress.stop();
  }
}
