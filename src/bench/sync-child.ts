import { Spravka } from '../app.js';
import { loadConfig } from '../config/index.js';

/**
 * Runs one sync of every source in its own process and prints {milliseconds, peakRssBytes, reports},
 * so the benchmark measures a sync's own peak memory.
 */
const spravka = await Spravka.create(loadConfig(process.env));
const started = performance.now();
const reports = [];
for await (const event of spravka.sync([])) if (event.type === 'finish') reports.push(event.report);
const milliseconds = Math.round(performance.now() - started);
spravka.close();
process.stdout.write(
  `${JSON.stringify({
    milliseconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    reports: reports.map(({ error, details, ...report }) => ({ ...report, error: error?.text.en })),
  })}\n`,
);
