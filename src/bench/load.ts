import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import type { Spravka } from '../app.js';
import { createServerApp } from '../server/index.js';

/**
 * Load on the real server over loopback: `/api/search` with 20 concurrent clients cycling through the
 * evaluation questions (autocannon), and 50 concurrent chat streams in extractive mode.
 */
export async function loadBenchmarks(
  spravka: Spravka,
  questions: string[],
): Promise<Record<string, unknown>> {
  const user = await spravka.accounts.createUser({
    name: 'bench',
    password: 'bench-password',
    role: 'user',
    groups: [],
  });
  const { token } = spravka.accounts.createApiToken(user.id, 'bench');
  await spravka.startSearchWorkers(spravka.config.server.searchWorkers);
  const server = serve({ fetch: createServerApp({ spravka }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    server.close();
  }
}
