import type { Command } from 'commander';
import { render, text } from '../../i18n/index.js';
import type { SyncReport } from '../../sync/index.js';
import { type CommandContext, helpText, withSpravka } from '../context.js';
import type { Output } from '../output.js';
import { createSyncProgress } from '../progress.js';

export function registerSyncCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('sync [names...]')
    .description(
      help(
        'sync sources incrementally (all when none named)',
        'инкрементально синхронизировать источники (все, если не указаны)',
      ),
    )
    .option('--json', help('print the reports as JSON', 'вывести отчёты в JSON'))
    .action((names: string[], options: { json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const progress = createSyncProgress(context.output);
        const reports: SyncReport[] = [];
        try {
          for await (const event of spravka.sync(names, controller.signal)) {
            progress.onEvent(event);
            if (event.type === 'finish') reports.push(event.report);
          }
        } finally {
          progress.stop();
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        if (options.json) {
          context.output.stdout(
            JSON.stringify(
              reports.map(({ error, ...report }) => ({ ...report, error: error?.text.en ?? null })),
            ),
          );
        } else {
          for (const report of reports) printReport(context.output, report);
        }
        if (reports.some((report) => report.status !== 'succeeded')) process.exitCode = 1;
      }),
    );
}

function printReport(output: Output, report: SyncReport): void {
  const seconds = (report.milliseconds / 1000).toFixed(1);
  const line = text(
    `${report.source}: ${report.added} added, ${report.updated} updated, ${report.deleted} deleted, ` +
      `${report.unchanged} unchanged, ${report.skipped} skipped, ${report.failed} failed in ${seconds} s`,
    `${report.source}: добавлено ${report.added}, обновлено ${report.updated}, удалено ${report.deleted}, ` +
      `без изменений ${report.unchanged}, пропущено ${report.skipped}, ошибок ${report.failed} за ${seconds} с`,
  );
  output.stdout(render(line, output.language));
  for (const detail of report.details.filter((item) => item.kind === 'failed').slice(0, 20)) {
    output.stderr(`  ✗ ${detail.uri}: ${detail.reason}`);
  }
  if (report.error) {
    const prefix = output.language === 'ru' ? 'ошибка' : 'error';
    output.stderr(`spravka: ${prefix}: ${render(report.error.text, output.language)}`);
    if (report.error.hint) output.stderr(`  → ${render(report.error.hint, output.language)}`);
  }
}
