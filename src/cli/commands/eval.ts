import type { Command } from 'commander';
import { SpravkaError } from '../../errors/index.js';
import { type EvalReport, evaluate, type MetricSummary, readQuestions } from '../../eval/index.js';
import { render, text } from '../../i18n/index.js';
import { type CommandContext, collect, helpText, withSpravka } from '../context.js';

export function registerEvalCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('eval')
    .description(
      help(
        'measure retrieval: recall@5, recall@10, MRR@10 overall and per kind/lang',
        'измерить качество поиска: recall@5, recall@10, MRR@10 в целом и по kind/lang',
      ),
    )
    .requiredOption(
      '--questions <file>',
      help(
        'JSONL lines {id, q, gold: [uri…], kind?, lang?}',
        'строки JSONL {id, q, gold: [uri…], kind?, lang?}',
      ),
    )
    .option('--k <n>', help('results per question', 'результатов на вопрос'), '10')
    .option(
      '--source <name>',
      help('search only this source (repeatable)', 'искать только в этом источнике (можно повторять)'),
      collect,
      [],
    )
    .option('--json', help('print the report as JSON', 'вывести отчёт в JSON'))
    .option(
      '--rerank',
      help(
        'rerank with the configured reranker (SPRAVKA_RERANKER)',
        'переранжировать настроенным реранкером (SPRAVKA_RERANKER)',
      ),
    )
    .option(
      '--min-recall <value>',
      help(
        'exit with 1 when overall recall@5 is below this (for CI)',
        'завершиться с кодом 1, если общий recall@5 ниже (для CI)',
      ),
    )
    .action(
      (options: {
        questions: string;
        k: string;
        source: string[];
        json?: boolean;
        minRecall?: string;
        rerank?: boolean;
      }) =>
        withSpravka(context, async (spravka) => {
          if (options.rerank && !(await spravka.reranker())) {
            throw new SpravkaError(
              'usage',
              text(
                '--rerank needs a reranker: set SPRAVKA_RERANKER (see docs/models.md).',
                '--rerank требует реранкер: задайте SPRAVKA_RERANKER (см. docs/models.md).',
              ),
            );
          }
          const questions = await readQuestions(options.questions);
          const report = await evaluate(
            questions,
            (request) => spravka.search({ ...request, rerank: options.rerank === true }),
            {
              k: Math.max(10, Number(options.k) || 10),
              ...(options.source.length > 0 ? { sources: options.source } : {}),
            },
          );
          if (options.json) context.output.stdout(JSON.stringify(report, null, 2));
          else
            printReport(
              context,
              report,
              spravka.embedder ? `hybrid (${spravka.embedder.id})` : 'lexical only',
            );
          const minimum = options.minRecall === undefined ? undefined : Number(options.minRecall);
          if (minimum !== undefined && !(report.overall.recallAt5 >= minimum)) {
            const message = text(
              `recall@5 ${report.overall.recallAt5} is below the required ${options.minRecall}.`,
              `recall@5 ${report.overall.recallAt5} ниже требуемого ${options.minRecall}.`,
            );
            context.output.stderr(render(message, context.output.language));
            process.exitCode = 1;
          }
        }),
    );
}

function printReport(context: CommandContext, report: EvalReport, mode: string): void {
  const { stdout } = context.output;
  const row = (name: string, summary: MetricSummary) =>
    stdout(
      `${name.padEnd(14)} ${String(summary.questions).padStart(4)}   ${summary.recallAt5.toFixed(3)}      ` +
        `${summary.recallAt10.toFixed(3)}       ${summary.mrrAt10.toFixed(3)}`,
    );
  stdout(`retrieval: ${mode}; ${report.milliseconds} ms for ${report.overall.questions} questions`);
  stdout('group             n   recall@5   recall@10   MRR@10');
  row('overall', report.overall);
  for (const [name, summary] of Object.entries(report.byKind)) row(`kind=${name}`, summary);
  for (const [name, summary] of Object.entries(report.byLang)) row(`lang=${name}`, summary);
  if (report.misses.length > 0) {
    stdout('\nnot in the top 5:');
    for (const miss of report.misses)
      stdout(`  ${miss.id} ${miss.q}\n     gold: ${miss.gold.join(', ')}\n     top:  ${miss.top.join(', ')}`);
  }
}
