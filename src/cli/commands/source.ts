import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SOURCE_TYPES, type SourceType } from '../../domain/types.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { redactUrl } from '../../sources/index.js';
import { type CommandContext, collect, helpText, parsePrincipals, withSpravka } from '../context.js';
import { say } from '../output.js';

interface AddOptions {
  type: string;
  path?: string;
  url?: string;
  branch?: string;
  acl?: string;
  include: string[];
  exclude: string[];
  maxFileBytes?: string;
  urlTemplate?: string;
  syncEvery?: string;
}

export function registerSourceCommands(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  const source = program.command('source').description(help('manage sources', 'управление источниками'));

  source
    .command('add <name>')
    .description(help('register a source (folder or git)', 'добавить источник (folder или git)'))
    .requiredOption(
      '--type <type>',
      help(`source type: ${SOURCE_TYPES.join(' | ')}`, `тип источника: ${SOURCE_TYPES.join(' | ')}`),
    )
    .option('--path <dir>', help('folder: the directory to index', 'folder: каталог для индексации'))
    .option(
      '--url <url>',
      help('git: repository URL or local path', 'git: URL репозитория или локальный путь'),
    )
    .option(
      '--branch <branch>',
      help(
        'git: branch (default: the remote default branch)',
        'git: ветка (по умолчанию — ветка по умолчанию в репозитории)',
      ),
    )
    .option(
      '--acl <principals>',
      help(
        'who may read it, e.g. group:eng,user:ivan (default: public)',
        'кто может читать, напр. group:eng,user:ivan (по умолчанию public)',
      ),
    )
    .option(
      '--include <glob>',
      help(
        'index only matching paths (repeatable)',
        'индексировать только подходящие пути (можно повторять)',
      ),
      collect,
      [],
    )
    .option(
      '--exclude <glob>',
      help('leave matching paths out (repeatable)', 'не индексировать подходящие пути (можно повторять)'),
      collect,
      [],
    )
    .option('--max-file-bytes <n>', help('skip larger files', 'пропускать файлы больше этого размера'))
    .option(
      '--url-template <template>',
      help(
        'deep link, e.g. https://gitlab/x/y/-/blob/{commit}/{path}',
        'шаблон ссылки, напр. https://gitlab/x/y/-/blob/{commit}/{path}',
      ),
    )
    .option(
      '--sync-every <minutes>',
      help(
        'let the server sync it on a schedule (minutes, at least 5)',
        'синхронизировать сервером по расписанию (минуты, не меньше 5)',
      ),
    )
    .action((name: string, options: AddOptions) =>
      withSpravka(context, async (spravka) => {
        const type = parseType(options.type);
        const settings: Record<string, unknown> = { include: options.include, exclude: options.exclude };
        if (options.path !== undefined) settings.path = options.path;
        if (options.url !== undefined) settings.url = options.url;
        if (options.branch !== undefined) settings.branch = options.branch;
        if (options.urlTemplate !== undefined) settings.urlTemplate = options.urlTemplate;
        if (options.maxFileBytes !== undefined) settings.maxFileBytes = Number(options.maxFileBytes);
        if (options.syncEvery !== undefined) settings.syncEveryMinutes = Number(options.syncEvery);
        if (type === 'folder' && typeof settings.path === 'string') {
          const path = resolve(settings.path);
          settings.path = path;
          if (!existsSync(path)) {
            throw new SpravkaError(
              'source_invalid',
              text(`The folder ${path} does not exist.`, `Каталог ${path} не существует.`),
              { hint: text('Check the --path and try again.', 'Проверьте --path и повторите.') },
            );
          }
        }
        // A local repository path must not depend on the directory a later sync runs from.
        if (type === 'git' && typeof settings.url === 'string' && existsSync(settings.url)) {
          settings.url = resolve(settings.url);
        }
        const acl = parsePrincipals(options.acl);
        const record = spravka.addSource(name, type, settings, acl.length > 0 ? acl : ['public']);
        say(
          context.output,
          text(
            `Added source "${record.name}" (${record.type}). Index it with: spravka sync ${record.name}`,
            `Источник «${record.name}» (${record.type}) добавлен. Проиндексируйте его: spravka sync ${record.name}`,
          ),
        );
      }),
    );

  source
    .command('list')
    .description(help('list sources with their last sync', 'список источников и их последних синхронизаций'))
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const sources = spravka.catalog.listSources().map((record) => ({
          name: record.name,
          type: record.type,
          acl: record.acl,
          settings:
            typeof record.settings.url === 'string'
              ? { ...record.settings, url: redactUrl(record.settings.url) }
              : record.settings,
          lastSyncAt: record.lastSyncAt,
          lastRun: spravka.catalog.listRuns(record.id, 1)[0] ?? null,
        }));
        if (options.json) {
          context.output.stdout(JSON.stringify(sources, null, 2));
          return;
        }
        if (sources.length === 0) {
          say(
            context.output,
            text(
              'No sources yet. Add one: spravka source add NAME --type folder --path DIR',
              'Источников пока нет. Добавьте: spravka source add ИМЯ --type folder --path КАТАЛОГ',
            ),
          );
        }
        for (const item of sources) {
          const where = String(item.settings.path ?? item.settings.url ?? '');
          const last = item.lastRun
            ? `${item.lastRun.status} ${item.lastRun.finishedAt ?? item.lastRun.startedAt}`
            : 'never synced';
          context.output.stdout(`${item.name}\t${item.type}\t${where}\tacl=${item.acl.join(',')}\t${last}`);
        }
      }),
    );

  source
    .command('remove <name>')
    .description(
      help(
        'remove a source and everything indexed from it',
        'удалить источник и всё, что из него проиндексировано',
      ),
    )
    .action((name: string) =>
      withSpravka(context, async (spravka) => {
        spravka.removeSource(name);
        say(
          context.output,
          text(`Removed source "${name}" and its documents.`, `Источник «${name}» и его документы удалены.`),
        );
      }),
    );
}

function parseType(value: string): SourceType {
  if ((SOURCE_TYPES as readonly string[]).includes(value)) return value as SourceType;
  throw new SpravkaError(
    'usage',
    text(`Unknown source type "${value}".`, `Неизвестный тип источника «${value}».`),
    {
      hint: text(`Use one of: ${SOURCE_TYPES.join(', ')}.`, `Допустимые типы: ${SOURCE_TYPES.join(', ')}.`),
    },
  );
}
