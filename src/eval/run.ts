import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { SearchRequest, SearchResult } from '../retrieval/index.js';
import { type MetricSummary, recallAt, summarise } from './metrics.js';

const questionSchema = z.object({
  id: z.string(),
  q: z.string().min(1),
  gold: z.array(z.string().min(1)).min(1),
  kind: z.string().optional(),
  lang: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface EvalReport {
  overall: MetricSummary;
  byKind: Record<string, MetricSummary>;
  byLang: Record<string, MetricSummary>;
  /** Questions with no gold document in the top 5, for error analysis. */
  misses: Array<{ id: string; q: string; gold: string[]; top: string[] }>;
  milliseconds: number;
}

export async function readQuestions(path: string): Promise<EvalQuestion[]> {
  const content = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new SpravkaError('usage', text(`Cannot read ${path}.`, `Не удаётся прочитать ${path}.`), {
      hint: text(
        'Pass an existing JSONL file to --questions.',
        'Укажите существующий JSONL-файл в --questions.',
      ),
      cause: error,
    });
  });
  return content
    .split('\n')
    .map((line, number) => [line.trim(), number + 1] as const)
    .filter(([line]) => line)
    .map(([line, number]) => {
      const parsed = questionSchema.safeParse(safeJson(line));
      if (!parsed.success) {
        throw new SpravkaError(
          'usage',
          text(`${path}:${number} is not a question line.`, `${path}:${number} — не строка вопроса.`),
          {
            hint: text(
              'Each line: {"id", "q", "gold": [uri…], "kind"?, "lang"?}',
              'Каждая строка: {"id", "q", "gold": [uri…], "kind"?, "lang"?}',
            ),
          },
        );
      }
      return parsed.data;
    });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Runs every question through search and reports recall@5/10 and MRR@10, overall and per kind and language. */
export async function evaluate(
  questions: EvalQuestion[],
  runSearch: (request: SearchRequest) => Promise<SearchResult[]>,
  options: { k: number; sources?: string[] },
): Promise<EvalReport> {
  const started = performance.now();
  const rows: Array<EvalQuestion & { ranked: string[] }> = [];
  for (const question of questions) {
    const request: SearchRequest = { query: question.q, k: options.k, principals: [] };
    if (options.sources) request.sources = options.sources;
    const results = await runSearch(request);
    rows.push({ ...question, ranked: results.map((result) => result.uri) });
  }
  const groupBy = (key: 'kind' | 'lang') => {
    const groups: Record<string, MetricSummary> = {};
    const names = [
      ...new Set(rows.map((row) => row[key]).filter((value): value is string => Boolean(value))),
    ].sort();
    for (const name of names) groups[name] = summarise(rows.filter((row) => row[key] === name));
    return groups;
  };
  return {
    overall: summarise(rows),
    byKind: groupBy('kind'),
    byLang: groupBy('lang'),
    misses: rows
      .filter((row) => recallAt(row.ranked, row.gold, 5) === 0)
      .map((row) => ({ id: row.id, q: row.q, gold: row.gold, top: row.ranked.slice(0, 5) })),
    milliseconds: Math.round(performance.now() - started),
  };
}
