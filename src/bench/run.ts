import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Spravka } from '../app.js';
import { loadConfig } from '../config/index.js';
import { readQuestions } from '../eval/index.js';
import { search } from '../retrieval/index.js';
import { openSqliteStores } from '../stores/index.js';
import { answerBenchmarks, UNANSWERABLE_QUESTIONS } from './answers.js';
import { loadBenchmarks } from './load.js';
import { fillSyntheticIndex, hashingEmbedder } from './synthetic.js';

/**
 * `npm run bench`: sync, search and answer-pipeline figures on the evaluation corpus, then search latency on synthetic
 * indexes. Options: --quick (skip the 1M-chunk index), --sizes 100000,1000000, --only corpus|synthetic,
 * --out FILE (JSON).
 */
const repository = fileURLToPath(new URL('../..', import.meta.url));
const shared = resolve(process.env.SPRAVKA_SHARED ?? join(repository, '..', 'shared'));
const cli = join(repository, 'bin', 'spravka.js');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const position = argv.indexOf(name);
  return position >= 0 ? argv[position + 1] : undefined;
};
const sizes = (option('--sizes') ?? (flag('--quick') ? '100000' : '100000,1000000')).split(',').map(Number);
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0).toFixed(2));
}

function syncInChild(environment: Record<string, string>): {
  milliseconds: number;
  peakRssBytes: number;
  reports: unknown[];
} {
  const output = execFileSync(process.execPath, [join(repository, 'dist', 'bench', 'sync-child.js')], {
    env: { ...process.env, ...environment },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop() as string);
}

async function corpusBenchmarks(
  embedder: 'none' | string,
  withAnswers = false,
): Promise<Record<string, unknown>> {
  const corpus = execFileSync(join(shared, 'eval', 'build-corpus.sh'), { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop() as string;
  const work = mkdtempSync(join(tmpdir(), 'spravka-bench-'));
  try {
    const copy = join(work, 'corpus');
    cpSync(corpus, copy, { recursive: true });
    const environment = { SPRAVKA_DATA_DIR: join(work, 'data'), SPRAVKA_EMBEDDER: embedder };
    execFileSync(process.execPath, [cli, 'source', 'add', 'corpus', '--type', 'folder', '--path', copy], {
      env: { ...process.env, ...environment },
    });
    const full = syncInChild(environment);
    log(`  full sync: ${full.milliseconds} ms, peak RSS ${(full.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
    const unchanged = syncInChild(environment);
    log(`  re-sync, nothing changed: ${unchanged.milliseconds} ms`);
    const changedFile = join(copy, 'wiki', 'git-en', 'git-merge.txt');
    writeFileSync(
      changedFile,
      `${readFileSync(changedFile, 'utf8')}\nA benchmark edit: merge strategies explained.\n`,
    );
    const oneChanged = syncInChild(environment);
    log(`  re-sync, one file changed: ${oneChanged.milliseconds} ms`);

    const spravka = await Spravka.create(loadConfig({ ...process.env, ...environment }));
    const questions = await readQuestions(join(shared, 'eval', 'dev.jsonl'));
    for (const question of questions) await spravka.search({ query: question.q, k: 10, principals: [] });
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const question of questions) {
        const started = performance.now();
        await spravka.search({ query: question.q, k: 10, principals: [] });
        latencies.push(performance.now() - started);
      }
    }
    const statistics = spravka.index.statistics();
    const answers =
      withAnswers && statSync(TINY_LLM, { throwIfNoEntry: false })
        ? await answerBenchmarks(spravka, {
            devQuestions: join(shared, 'eval', 'dev.jsonl'),
            unanswerable: UNANSWERABLE_QUESTIONS(repository),
            modelPath: TINY_LLM,
            percentile,
          })
        : undefined;
    if (answers) log(`  answers: ${JSON.stringify(answers)}`);
    const load = withAnswers
      ? await loadBenchmarks(
          spravka,
          questions.map((question) => question.q),
          { cli, environment },
        )
      : undefined;
    if (load) log(`  load: ${JSON.stringify(load)}`);
    spravka.close();
    const databaseBytes = ['spravka.db', 'spravka.db-wal']
      .map((name) => statSync(join(work, 'data', name), { throwIfNoEntry: false })?.size ?? 0)
      .reduce((sum, size) => sum + size, 0);
    const figures = {
      fullSyncMs: full.milliseconds,
      peakRssMB: Math.round(full.peakRssBytes / 2 ** 20),
      resyncUnchangedMs: unchanged.milliseconds,
      resyncOneChangedMs: oneChanged.milliseconds,
      searchP50Ms: percentile(latencies, 0.5),
      searchP95Ms: percentile(latencies, 0.95),
      documents: statistics.documents,
      chunks: statistics.chunks,
      indexMB: Number((databaseBytes / 2 ** 20).toFixed(1)),
      fullSyncReport: full.reports,
      ...(answers ? { answers } : {}),
      ...(load ? { load } : {}),
    };
    log(`  search p50 ${figures.searchP50Ms} ms, p95 ${figures.searchP95Ms} ms; index ${figures.indexMB} MB`);
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Words of the evaluation corpus's prose (the wiki part), as a stream with their real frequencies. */
function corpusWords(): string[] {
  const corpus = execFileSync(join(shared, 'eval', 'build-corpus.sh'), { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop() as string;
  const words: string[] = [];
  for (const folder of ['handbook-ru', 'git-en']) {
    const directory = join(corpus, 'wiki', folder);
    for (const name of readdirSync(directory)) {
      const content = readFileSync(join(directory, name), 'utf8').replace(/<[^>]*>/g, ' ');
      for (const match of content.matchAll(/\p{L}{2,}/gu)) words.push(match[0]);
    }
  }
  return words;
}

async function syntheticBenchmark(chunks: number): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'spravka-bench-synthetic-'));
  try {
    const stores = openSqliteStores(work);
    const dimension = 256;
    const embedder = hashingEmbedder(dimension);
    stores.index.resetVectors({ id: embedder.id, dimension });
    const source = stores.catalog.addSource({
      name: 'synthetic',
      type: 'folder',
      settings: { path: '/' },
      acl: ['public'],
    });
    const words = corpusWords();
    const started = performance.now();
    let reported = 0;
    fillSyntheticIndex(stores.index, {
      chunks,
      chunksPerDocument: 20,
      wordsPerChunk: 60,
      dimension,
      words,
      sourceId: source.id,
      onProgress: (done) => {
        if (done - reported >= chunks / 10) {
          reported = done;
          log(`    ${done} / ${chunks} chunks`);
        }
      },
    });
    const buildMs = Math.round(performance.now() - started);
    const questions = await readQuestions(join(shared, 'eval', 'dev.jsonl'));
    const measure = async (vectors: boolean) => {
      const latencies: number[] = [];
      for (const question of questions) {
        const begin = performance.now();
        await search(
          { query: question.q, k: 10, principals: [] },
          {
            catalog: stores.catalog,
            index: stores.index,
            embedder: vectors ? embedder : undefined,
            settings: { candidates: 150, lexicalWeight: 1, vectorWeight: 1 },
          },
        );
        latencies.push(performance.now() - begin);
      }
      return { p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95) };
    };
    const lexical = await measure(false);
    const hybrid = await measure(true);
    const sizeMB = Number((stores.index.statistics().bytesOnDisk / 2 ** 20).toFixed(0));
    stores.close();
    log(
      `  ${chunks} chunks: built in ${buildMs} ms, lexical p95 ${lexical.p95Ms} ms, hybrid p95 ${hybrid.p95Ms} ms`,
    );
    return { chunks, dimension, buildMs, sizeMB, lexical, hybrid };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const only = option('--only');
const TINY_LLM = join(shared, 'models', 'stories260K.gguf');
if (only !== 'synthetic') {
  log('corpus, lexical only (and the answer pipeline)');
  results.lexical = await corpusBenchmarks('none', true);
}
const model = join(shared, 'models', 'm2v-bge-base-en-vq');
if (only !== 'synthetic' && statSync(model, { throwIfNoEntry: false })) {
  log('corpus, hybrid with the tiny Model2Vec model');
  results.hybrid = await corpusBenchmarks(`model2vec:${model}`);
}
results.synthetic = [];
for (const size of only === 'corpus' ? [] : sizes) {
  log(`synthetic index, ${size} chunks`);
  (results.synthetic as unknown[]).push(await syntheticBenchmark(size));
}
const out = option('--out');
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
