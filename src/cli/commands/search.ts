import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { SearchRequest, SearchResult } from '../../retrieval/index.js';
import { type CommandContext, collect, helpText, parsePrincipals, withSpravka } from '../context.js';
import { reportError } from '../output.js';

interface SearchOptions {
  k: string;
  source: string[];
  as?: string;
  json?: boolean;
  rerank?: boolean;
}

export function registerSearchCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('search [query]')
    .description(
      help(
        'hybrid search; without a query, reads one query per line from stdin',
        'гибридный поиск; без запроса читает по запросу на строку из stdin',
      ),
    )
    .option('--k <n>', help('number of results', 'число результатов'), '10')
    .option(
      '--source <name>',
      help('search only this source (repeatable)', 'искать только в этом источнике (можно повторять)'),
      collect,
      [],
    )
    .option(
      '--as <principals>',
      help(
        'search as these principals, e.g. group:eng,user:ivan (public is implied)',
        'искать от имени этих принципалов, напр. group:eng,user:ivan (public добавляется всегда)',
      ),
    )
    .option('--json', help('print a JSON array', 'вывести массив JSON'))
    .option(
      '--rerank',
      help(
        'rerank with the configured reranker (slower)',
        'переранжировать настроенным реранкером (медленнее)',
      ),
    )
    .action((query: string | undefined, options: SearchOptions) =>
      withSpravka(context, async (spravka) => {
        const k = Number(options.k);
        if (!Number.isInteger(k)) {
          throw new SpravkaError(
            'usage',
            text('--k must be a whole number.', '--k должно быть целым числом.'),
          );
        }
        const request = (value: string): SearchRequest => ({
          query: value,
          k,
          principals: parsePrincipals(options.as),
          ...(options.source.length > 0 ? { sources: options.source } : {}),
          ...(options.rerank ? { rerank: true } : {}),
        });
        if (query !== undefined) {
          print(context, await spravka.search(request(query)), options.json === true);
          return;
        }
        // Batch mode: one JSON array per input line, an empty array (and a message) for a bad line.
        for await (const line of createInterface({
          input: process.stdin,
          crlfDelay: Number.POSITIVE_INFINITY,
        })) {
          if (!line.trim()) continue;
          try {
            context.output.stdout(JSON.stringify(await spravka.search(request(line))));
          } catch (error) {
            reportError(context.output, error);
            context.output.stdout('[]');
          }
        }
      }),
    );
}

function print(context: CommandContext, results: SearchResult[], json: boolean): void {
  if (json) {
    context.output.stdout(JSON.stringify(results, null, 2));
    return;
  }
  if (results.length === 0) {
    context.output.stdout(context.output.language === 'ru' ? 'Ничего не найдено.' : 'Nothing found.');
  }
  for (const result of results) {
    const lines = result.lines ? `:${result.lines.start}-${result.lines.end}` : '';
    context.output.stdout(`${result.rank}. ${result.title}  [${result.source}] ${result.uri}${lines}`);
    if (result.url) context.output.stdout(`   ${result.url}`);
    const snippet = result.text.replace(/\s+/g, ' ').slice(0, 200);
    context.output.stdout(`   ${snippet}${result.text.length > 200 ? '…' : ''}`);
  }
}
