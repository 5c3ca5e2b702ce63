import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Spravka } from '../app.js';

/**
 * Load on the real server (`spravka serve` in its own process, as deployed: search workers, logging)
 * over loopback: `/api/search` with 20 concurrent clients cycling through the evaluation questions
 * (autocannon, in this process), and 50 concurrent chat streams in extractive mode.
 */
export async function loadBenchmarks(
  spravka: Spravka,
  questions: string[],
  options: { cli: string; environment: Record<string, string> },
): Promise<Record<string, unknown>> {
  const user = await spravka.accounts.createUser({
    name: 'bench',
    password: 'bench-password',
    role: 'user',
    groups: [],
  });
  const { token } = spravka.accounts.createApiToken(user.id, 'bench');
  const { url, server } = await startServer(options.cli, options.environment);
  try {
    const search = await autocannon({
      url,
      connections: 20,
      duration: 10,
      requests: questions.map((question) => ({
        method: 'GET',
        path: `/api/search?k=10&q=${encodeURIComponent(question)}`,
        headers: { authorization: `Bearer ${token}` },
      })),
    });
    const streams = 50;
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: streams }, async (_, position) => {
        const response = await fetch(`${url}/api/chat`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ message: questions[position % questions.length] }),
        });
        const body = await response.text();
        return response.ok && body.includes('event: done') && !body.includes('event: error');
      }),
    );
    const chatSeconds = (performance.now() - started) / 1000;
    return {
      search: {
        connections: 20,
        requests: search.requests.total,
        errors: search.errors + search.non2xx,
        requestsPerSecond: Math.round(search.requests.average),
        latencyP50Ms: search.latency.p50,
        latencyP90Ms: search.latency.p90,
        latencyP97_5Ms: search.latency.p97_5,
        latencyP99Ms: search.latency.p99,
      },
      chat: {
        concurrentStreams: streams,
        completed: outcomes.filter(Boolean).length,
        failed: outcomes.filter((outcome) => !outcome).length,
        seconds: Number(chatSeconds.toFixed(2)),
      },
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function startServer(
  cli: string,
  environment: Record<string, string>,
): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [join(cli), 'serve', '--port', '0'], {
    env: { ...process.env, ...environment, SPRAVKA_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`spravka serve exited with ${code}`)));
  });
  return { url, server };
}
