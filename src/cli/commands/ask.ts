import type { Command } from 'commander';
import type { AnswerResult } from '../../answer/index.js';
import { render } from '../../i18n/index.js';
import { type CommandContext, collect, helpText, parsePrincipals, withSpravka } from '../context.js';

interface AskOptions {
  as?: string;
  source: string[];
  json?: boolean;
  reasoning?: boolean;
}

export function registerAskCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('ask <question>')
    .description(
      help(
        'answer a question from the indexed documents, citing them',
        'ответить на вопрос по проиндексированным документам со ссылками на них',
      ),
    )
    .option(
      '--as <principals>',
      help(
        'ask as these principals, e.g. group:eng,user:ivan (public is implied)',
        'спросить от имени этих принципалов, напр. group:eng,user:ivan (public добавляется всегда)',
      ),
    )
    .option(
      '--source <name>',
      help('use only this source (repeatable)', 'использовать только этот источник (можно повторять)'),
      collect,
      [],
    )
    .option('--json', help('print the answer as JSON when it is complete', 'вывести готовый ответ в JSON'))
    .option(
      '--reasoning',
      help(
        "show a reasoning model's thinking (on stderr)",
        'показывать рассуждения рассуждающей модели (в stderr)',
      ),
    )
    .action((question: string, options: AskOptions) =>
      withSpravka(context, async (spravka) => {
        const { output } = context;
        const controller = new AbortController();
        const cancel = () => controller.abort(new Error('interrupted'));
        process.once('SIGINT', cancel);
        try {
          const run = spravka.ask({
            question,
            principals: parsePrincipals(options.as),
            ...(options.source.length > 0 ? { sources: options.source } : {}),
            signal: controller.signal,
          });
          let step = await run.next();
          let streamed = false;
          while (!step.done) {
            const event = step.value;
            if (event.type === 'notice') output.stderr(`spravka: ${render(event.message, output.language)}`);
            else if (event.type === 'reasoning-delta' && options.reasoning && !options.json)
              process.stderr.write(event.text);
            else if (event.type === 'text-delta' && !options.json) {
              process.stdout.write(event.text);
              streamed = true;
            }
            step = await run.next();
          }
          const result = step.value;
          if (options.json) output.stdout(JSON.stringify(result, null, 2));
          else {
            if (streamed) process.stdout.write('\n');
            printSources(context, result);
          }
        } finally {
          process.removeListener('SIGINT', cancel);
        }
      }),
    );
}

/** The cited sources with their links; for "I don't know", the closest ones. */
function printSources(context: CommandContext, result: AnswerResult): void {
  const { output } = context;
  const russian = output.language === 'ru';
  const listed =
    result.mode === 'not_found'
      ? result.sources
      : result.sources.filter((source) => result.citations.some((citation) => citation.n === source.n));
  if (listed.length === 0) return;
  output.stdout('');
  output.stdout(
    result.mode === 'not_found'
      ? russian
        ? 'Ближайшие документы:'
        : 'Closest documents:'
      : russian
        ? 'Источники:'
        : 'Sources:',
  );
  for (const source of listed) {
    const lines = source.lines ? `:${source.lines.start}-${source.lines.end}` : '';
    output.stdout(`[${source.n}] ${source.title} — ${source.source}/${source.uri}${lines}`);
    if (source.url) output.stdout(`    ${source.url}`);
  }
}
