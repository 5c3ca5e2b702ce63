import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationPart, GenerationRequest } from '../types.js';
import { OpenAIChatModel, type OpenAIChatModelOptions } from './openai-chat-model.js';

interface ReceivedRequest {
  path: string | undefined;
  body: Record<string, unknown>;
  authorization: string | undefined;
  accept: string | undefined;
  /** Resolves when the connection closes: true if it closed before the answer was complete. */
  closedEarly: Promise<boolean>;
}

type Handler = (response: ServerResponse, request: IncomingMessage) => void | Promise<void>;

/** A local server speaking OpenAI's streamed /v1/chat/completions, with a scripted behaviour per request. */
async function startServer(handlers: Handler[]) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    request.on('end', () => {
      requests.push({
        path: request.url,
        body: JSON.parse(raw) as Record<string, unknown>,
        authorization: request.headers.authorization,
        accept: request.headers.accept,
        closedEarly: new Promise((resolve) =>
          response.on('close', () => resolve(!response.writableFinished)),
        ),
      });
      const handler = handlers[Math.min(requests.length - 1, handlers.length - 1)] as Handler;
      void handler(response, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, requests, server };
}

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: finishReason }],
});
const usage = (promptTokens: number, completionTokens: number) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  choices: [],
  usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: 0 },
});
const content = (text: string) => chunk({ content: text });

function beginStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}
function send(response: ServerResponse, payload: unknown): void {
  response.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
}

/** Streams the payloads (a few milliseconds apart, as a model would), then `[DONE]` unless told not to. */
const streaming =
  (payloads: unknown[], ending: 'done' | 'end' | 'destroy' | 'stall' = 'done'): Handler =>
  async (response) => {
    beginStream(response);
    for (const payload of payloads) {
      send(response, payload);
      await delay(2);
    }
    if (ending === 'done') {
      send(response, '[DONE]');
      response.end();
    } else if (ending === 'end') response.end();
    else if (ending === 'destroy') response.destroy();
  };

const answer = streaming([
  chunk({ role: 'assistant', content: '' }),
  content('Hello'),
  content(', world'),
  chunk({}, 'stop'),
  usage(12, 3),
]);

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (response) => {
    response.writeHead(code, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify({ error: { message: `status ${code}` } }));
  };

const question: GenerationRequest = {
  messages: [
    { role: 'system', content: 'Answer from the sources.' },
    { role: 'user', content: 'Как настроить новый сервис?' },
  ],
  maxTokens: 100,
};

/** The parts until the stream ended or failed, with adjacent deltas of a kind joined. */
async function run(
  model: OpenAIChatModel,
  request: GenerationRequest = question,
): Promise<{ parts: GenerationPart[]; error: unknown }> {
  const parts: GenerationPart[] = [];
  try {
    for await (const part of model.generate(request)) {
      const last = parts.at(-1);
      if (part.type !== 'finish' && last?.type === part.type) last.text += part.text;
      else parts.push({ ...part });
    }
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

const finish = (reason: 'stop' | 'length', promptTokens?: number, completionTokens?: number) => ({
  type: 'finish',
  reason,
  usage: { promptTokens, completionTokens },
});

describe('OpenAIChatModel', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });
  const start = async (handlers: Handler[]) => {
    const started = await startServer(handlers);
    servers.push(started.server);
    return started;
  };
  const model = (baseUrl: string, options: Partial<OpenAIChatModelOptions> = {}) =>
    new OpenAIChatModel({ baseUrl, model: 'deepseek-r1:7b', backoffMilliseconds: 10, ...options });

  it('streams an answer, then one finish with the usage', async () => {
    const { baseUrl } = await start([answer]);
    const { parts, error } = await run(model(baseUrl));
    expect(error).toBeUndefined();
    expect(parts).toEqual([{ type: 'text-delta', text: 'Hello, world' }, finish('stop', 12, 3)]);
  });

  it('sends the model, the messages, the limits and the key', async () => {
    const { baseUrl, requests } = await start([answer]);
    const chat = model(`${baseUrl}/`, { apiKey: 'secret' });
    expect(chat.id).toBe(`openai:${baseUrl}#deepseek-r1:7b`);
    expect(chat.contextSize).toBe(8192);
    await run(chat, { ...question, maxTokens: 300, reasoningBudget: 200, temperature: 0 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      authorization: 'Bearer secret',
      accept: 'text/event-stream',
      body: {
        model: 'deepseek-r1:7b',
        messages: question.messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 500,
        temperature: 0,
      },
    });
    const withoutKey = await start([answer]);
    await run(model(withoutKey.baseUrl));
    expect(withoutKey.requests[0]?.authorization).toBeUndefined();
    expect(withoutKey.requests[0]?.body).not.toHaveProperty('temperature');
  });

  it('is created without a network call, so a dead server is only reported when asked', async () => {
    const dead = await OpenAIChatModel.create({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', retries: 0 });
    const { error } = await run(dead);
    expect(error).toMatchObject({
      code: 'llm_failed',
      hint: { en: expect.stringMatching(/model server is running/) },
    });
  });

  it('gives reasoning_content (DeepSeek) and reasoning (Ollama, vLLM) as reasoning, each text once', async () => {
    const { baseUrl } = await start([
      streaming([
        chunk({ role: 'assistant', content: null, reasoning_content: 'The user asks ' }),
        chunk({ content: null, reasoning_content: 'about setup.' }),
        chunk({ content: '\n\nRun ', reasoning_content: null }),
        chunk({ content: '`setup`.' }, 'stop'),
      ]),
      streaming([
        chunk({ content: '', reasoning: 'Both ' }),
        chunk({ reasoning: 'fields.', reasoning_content: 'fields.' }),
        chunk({ content: 'Done.' }, 'stop'),
      ]),
    ]);
    const deepSeek = await run(model(baseUrl));
    expect(deepSeek.parts).toEqual([
      { type: 'reasoning-delta', text: 'The user asks about setup.' },
      { type: 'text-delta', text: 'Run `setup`.' },
      finish('stop'),
    ]);
    const ollama = await run(model(baseUrl));
    expect(ollama.parts).toEqual([
      { type: 'reasoning-delta', text: 'Both fields.' },
      { type: 'text-delta', text: 'Done.' },
      finish('stop'),
    ]);
  });

  it('keeps <think> text out of the answer, however the tags are cut', async () => {
    const { baseUrl } = await start([
      streaming(['<th', 'ink>\nLet me', ' see: 2+2.</th', 'ink>\n', '\nThe answer', ' is 4.'].map(content)),
      streaming(['Let me see.', '</think>', '\n\nFour.'].map(content)),
      streaming([chunk({ reasoning_content: 'Separated.' }), content('\n\nFive.')]),
    ]);
    const tagged = await run(model(baseUrl));
    expect(tagged.parts).toEqual([
      { type: 'reasoning-delta', text: 'Let me see: 2+2.' },
      { type: 'text-delta', text: 'The answer is 4.' },
      finish('stop'),
    ]);
    const startsInside = model(baseUrl, { reasoning: 'starts-inside' });
    expect((await run(startsInside)).parts).toEqual([
      { type: 'reasoning-delta', text: 'Let me see.' },
      { type: 'text-delta', text: 'Four.' },
      finish('stop'),
    ]);
    // A server with a reasoning parser sends no </think>: its content is all answer.
    expect((await run(startsInside)).parts).toEqual([
      { type: 'reasoning-delta', text: 'Separated.' },
      { type: 'text-delta', text: 'Five.' },
      finish('stop'),
    ]);
  });

  it('reports an answer cut by max_tokens as length', async () => {
    const { baseUrl } = await start([streaming([content('Partial'), chunk({}, 'length'), usage(5, 100)])]);
    expect((await run(model(baseUrl))).parts).toEqual([
      { type: 'text-delta', text: 'Partial' },
      finish('length', 5, 100),
    ]);
  });

  it('fails an answer that DeepSeek cut short for lack of resources, rather than pass it off as complete', async () => {
    const { baseUrl } = await start([
      streaming([content('Part'), chunk({}, 'insufficient_system_resource')]),
    ]);
    expect((await run(model(baseUrl, { reasoning: 'tagged-only' }))).error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/cut the answer short \(insufficient_system_resource\)/),
      hint: { en: expect.stringMatching(/overloaded/) },
    });
  });

  it('retries a 500 and gives only the second answer', async () => {
    const { baseUrl, requests } = await start([status(500), answer]);
    const { parts, error } = await run(model(baseUrl));
    expect(error).toBeUndefined();
    expect(parts).toEqual([{ type: 'text-delta', text: 'Hello, world' }, finish('stop', 12, 3)]);
    expect(requests).toHaveLength(2);
  });

  it('retries a 429 after the Retry-After the server asked for, not its own backoff', async () => {
    const { baseUrl, requests } = await start([status(429, { 'retry-after': '0' }), answer]);
    const started = performance.now();
    const { error } = await run(model(baseUrl, { backoffMilliseconds: 60_000 }));
    expect(error).toBeUndefined();
    expect(requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('does not retry a refused key or an unknown model, and says what to check', async () => {
    const { baseUrl, requests } = await start([status(401), status(404)]);
    const refused = await run(model(baseUrl, { apiKey: 'wrong' }));
    expect(refused.error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/HTTP 401/),
      hint: {
        en: expect.stringMatching(/SPRAVKA_LLM_API_KEY/),
        ru: expect.stringMatching(/SPRAVKA_LLM_API_KEY/),
      },
    });
    expect(requests).toHaveLength(1);
    const unknown = await run(model(baseUrl));
    expect(unknown.error).toMatchObject({
      code: 'llm_failed',
      hint: { en: expect.stringMatching(/"deepseek-r1:7b".*\/v1, e\.g\. http:\/\/host:11434\/v1/) },
    });
    expect(requests).toHaveLength(2);
  });

  it('times out a server whose first byte is later than the timeout, retrying it first', async () => {
    const late: Handler = async (response, request) => {
      await delay(400);
      if (!response.destroyed) await answer(response, request);
    };
    const headersOnly: Handler = (response) => beginStream(response);
    const { baseUrl, requests } = await start([late, late, headersOnly]);
    const { error } = await run(model(baseUrl, { timeoutMilliseconds: 100, retries: 1 }));
    expect(error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/no answer within 100 ms/),
    });
    expect(requests).toHaveLength(2);
    const silentBody = await run(model(baseUrl, { timeoutMilliseconds: 100, retries: 0 }));
    expect(silentBody.error).toMatchObject({ message: expect.stringMatching(/no answer within 100 ms/) });
  });

  it('fails a stream that stalls mid-answer after the idle timeout, and closes it', async () => {
    const { baseUrl, requests } = await start([streaming([content('Half an')], 'stall')]);
    const { parts, error } = await run(
      model(baseUrl, { idleTimeoutMilliseconds: 100, reasoning: 'tagged-only' }),
    );
    expect(parts).toEqual([{ type: 'text-delta', text: 'Half an' }]);
    expect(error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/stopped in the middle of the answer: no data for 100 ms/),
      text: { ru: expect.stringMatching(/прервал ответ/) },
      hint: { en: expect.stringMatching(/log/) },
    });
    expect(await requests[0]?.closedEarly).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('fails a stream that is cut off before [DONE] or a finish reason', async () => {
    const { baseUrl, requests } = await start([
      streaming([content('Half')], 'destroy'),
      streaming([content('Half')], 'end'),
      streaming([content('Whole'), chunk({}, 'stop')], 'end'),
    ]);
    const destroyed = await run(model(baseUrl));
    expect(destroyed.error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/in the middle/),
    });
    const ended = await run(model(baseUrl));
    expect(ended.error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/closed the connection before the answer was complete/),
    });
    // A finish reason without [DONE] is a complete answer.
    expect((await run(model(baseUrl))).parts).toEqual([
      { type: 'text-delta', text: 'Whole' },
      finish('stop'),
    ]);
    expect(requests).toHaveLength(3);
  });

  it('rejects garbage: a data line that is not JSON, a chunk of the wrong shape, an HTML page', async () => {
    const html: Handler = (response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Proxy login</body></html>');
    };
    const { baseUrl, requests } = await start([
      streaming([content('ok'), 'not json']),
      streaming([{ choices: [{ delta: { content: 42 } }] }]),
      html,
    ]);
    expect((await run(model(baseUrl))).error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/not JSON: not json/),
      hint: { en: expect.stringMatching(/\/v1/) },
    });
    expect((await run(model(baseUrl))).error).toMatchObject({
      message: expect.stringMatching(/choices\.0\.delta\.content/),
    });
    expect((await run(model(baseUrl))).error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(
        /not an event stream \(content-type text\/html\): <html><body>Proxy login/,
      ),
    });
    expect(requests).toHaveLength(3);
  });

  it('fails with the message of an error object in the stream', async () => {
    const { baseUrl } = await start([
      streaming([content('Hi'), { error: { message: 'CUDA out of memory', type: 'server_error' } }]),
      streaming([{ error: 'context length exceeded' }]),
    ]);
    expect((await run(model(baseUrl))).error).toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/reported an error: CUDA out of memory/),
      hint: { en: expect.stringMatching(/context/) },
    });
    expect((await run(model(baseUrl))).error).toMatchObject({
      message: expect.stringMatching(/context length exceeded/),
    });
  });

  it('stops at once when the caller aborts mid-answer: the server sees the connection close', async () => {
    const { baseUrl, requests } = await start([streaming([content('Thinking about it')], 'stall')]);
    const controller = new AbortController();
    const iterator = model(baseUrl, { reasoning: 'tagged-only' })
      .generate({ ...question, signal: controller.signal })
      [Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({
      done: false,
      value: { type: 'text-delta', text: 'Thinking about it' },
    });
    const pending = iterator.next();
    const reason = new Error('cancelled by the user');
    const aborted = performance.now();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - aborted).toBeLessThan(500);
    expect(await requests[0]?.closedEarly).toBe(true);
  });

  it('sends nothing when the signal is already aborted, and closes the stream when the caller stops reading', async () => {
    const { baseUrl, requests } = await start([streaming([content('One'), content('Two')], 'stall')]);
    const reason = new Error('gone');
    await expect(run(model(baseUrl), { ...question, signal: AbortSignal.abort(reason) })).resolves.toEqual({
      parts: [],
      error: reason,
    });
    expect(requests).toHaveLength(0);
    for await (const part of model(baseUrl, { reasoning: 'tagged-only' }).generate(question)) {
      expect(part).toEqual({ type: 'text-delta', text: 'One' });
      break;
    }
    expect(await requests[0]?.closedEarly).toBe(true);
  });

  it('estimates tokens on the high side', async () => {
    const chat = model('http://127.0.0.1:9/v1');
    // The most tokens that DeepSeek V3's, Qwen3's and Llama 3's tokenizers give each text.
    const samples: Array<[string, number]> = [
      ['Как настроить новый сервис?', 9],
      ['Какие задачи связаны с модулем авторизации?', 15],
      ['How do I rotate the signing key of the payments service?', 12],
      [
        'Чтобы настроить сервис, создайте файл /etc/spravka/config.toml и перезапустите его командой `systemctl restart spravka` [1].',
        40,
      ],
      [
        'export async function getUserById(id: string): Promise<User | undefined> {\n  return database.users.find((user) => user.id === id);\n}\n',
        30,
      ],
      ['commit 04b871796dc0420f8e7561a895b52484b701d51a\nAuthor: C O Mitter <committer@example.com>', 54],
    ];
    for (const [text, tokens] of samples) {
      const estimate = await chat.countTokens(text);
      expect(estimate, text).toBeGreaterThanOrEqual(tokens);
      expect(estimate, text).toBeLessThanOrEqual(tokens * 2);
    }
    expect(await chat.countTokens('')).toBe(0);
  });
});
