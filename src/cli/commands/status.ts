import type { Command } from 'commander';
import { type CommandContext, helpText, withSpravka } from '../context.js';

export function registerStatusCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('status')
    .description(
      help(
        'what is indexed: sources, documents, chunks, vectors, size on disk',
        'что проиндексировано: источники, документы, фрагменты, векторы, размер на диске',
      ),
    )
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const statistics = spravka.index.statistics();
        const status = {
          dataDir: spravka.config.dataDir,
          embedder: spravka.embedder?.id ?? 'none',
          vectorModel: spravka.index.vectorModel()?.id ?? null,
          ...statistics,
        };
        if (options.json) context.output.stdout(JSON.stringify(status, null, 2));
        else for (const [key, value] of Object.entries(status)) context.output.stdout(`${key}: ${value}`);
      }),
    );
}
