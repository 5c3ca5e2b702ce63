import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSpravka } from '../../../test-support/spravka.js';
import type { User } from '../../accounts/index.js';
import type { AnswerEvent, AnswerResult, AskRequest } from '../../answer/index.js';
import type { Spravka } from '../../app.js';
import type { ServerEnvironment } from '../environment.js';
import { handleError } from '../errors.js';
import { chatRoutes } from './chat.js';

describe('POST /api/chat when the client goes away mid-answer', () => {
  let spravka: Spravka;
  let cleanup: () => void;
  let user: User;
  let url: string;
  let close: () => void;
  const signals: AbortSignal[] = [];

  /** An answer that streams slowly until it is cancelled (or fails unexpectedly when asked "crash"). */
  async function* slowAsk(request: AskRequest): AsyncGenerator<AnswerEvent, AnswerResult> {
    if (request.question === 'crash') throw new Error('database at /srv/secret/spravka.db is locked');
    if (request.signal) signals.push(request.signal);
    yield { type: 'query', query: request.question, alternatives: [] };
    for (let piece = 0; piece < 200; piece++) {
      request.signal?.throwIfAborted();
      yield { type: 'text-delta', text: `piece ${piece} ` };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return {
      answer: 'done',
      citations: [],
      sources: [],
      mode: 'generated',
      language: 'en',
      query: request.question,
      reasoning: '',
    };
  }

  beforeAll(async () => {
    ({ spravka, cleanup } = await createTestSpravka());
    user = await spravka.accounts.createUser({
      name: 'ivan',
      password: 'ivan-password',
      role: 'user',
      groups: [],
    });
    const app = new Hono<ServerEnvironment>();
    app.onError(handleError);
    app.use(async (context, next) => {
      context.set('logger', (await import('pino')).default({ level: 'silent' }));
      context.set('requestId', 'test');
      context.set('caller', { kind: 'token', user });
      await next();
    });
    app.route('/api', chatRoutes({ conversations: spravka.conversations, ask: slowAsk }));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });

  afterAll(() => {
    close();
    cleanup();
  });

  it('an unexpected failure reaches the stream as an error event with the request id, not its details', async () => {
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'crash' }),
    });
    const body = await response.text();
    expect(body).toContain('event: error');
    expect(body).toContain('Internal error (request test).');
    expect(body).not.toContain('/srv/secret');
  });

  it('cancels the answer, stores nothing, and keeps serving', async () => {
    const controller = new AbortController();
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'a long question' }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    let received = '';
    while (!received.includes('piece 3')) received += new TextDecoder().decode((await reader?.read())?.value);
    controller.abort();
    await expect.poll(() => signals[0]?.aborted, { timeout: 2000 }).toBe(true);
    const [conversation] = spravka.conversations.list(user.id);
    expect(conversation).toBeDefined();
    expect(spravka.conversations.get(user.id, conversation?.id ?? '')?.messages).toEqual([]);
    // The server is fine: the next question streams to the end.
    const next = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'x' }),
    });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('event: query');
  });
});
