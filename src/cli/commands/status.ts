import type { Command } from 'commander';
import { render } from '../../i18n/index.js';
import { type CommandContext, helpText, withSpravka } from '../context.js';

export function registerStatusCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('status')
    .description(
      help(
        'models in use, and what is indexed: sources, documents, chunks, vectors, size on disk',
        'какие модели используются и что проиндексировано: источники, документы, фрагменты, векторы, размер на диске',
      ),
    )
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const statistics = spravka.index.statistics();
        const { models } = spravka;
        const describe = (choice: { kind: string; path?: string; baseUrl?: string; model?: string }) =>
          choice.kind === 'openai'
            ? `openai:${choice.baseUrl}#${choice.model}`
            : choice.path
              ? `${choice.kind}:${choice.path}`
              : choice.kind;
        const status = {
          dataDir: spravka.config.dataDir,
          llm: describe(models.llm),
          reranker: describe(models.reranker),
          threads: spravka.config.runtime.threads,
          embedder: spravka.embedder?.id ?? 'none',
          vectorModel: spravka.index.vectorModel()?.id ?? null,
          ...statistics,
        };
        const notices = models.notices.map((notice) => render(notice.message, context.output.language));
        if (options.json) context.output.stdout(JSON.stringify({ ...status, notices }, null, 2));
        else {
          for (const [key, value] of Object.entries(status)) context.output.stdout(`${key}: ${value}`);
          for (const notice of notices) context.output.stdout(`! ${notice}`);
        }
      }),
    );
}
