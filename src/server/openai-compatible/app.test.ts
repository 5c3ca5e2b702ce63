import OpenAI, { AuthenticationError, NotFoundError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ANSWER_WORDS,
  type FakeApiDependencies,
  fakeApiDependencies,
  startApiServer,
  TOKENS,
} from '../../../test-support/fake-api-dependencies.js';
import { createOpenAICompatibleApp } from './app.js';

const SOURCES =
  '\n\nSources:\n- [1] Backups — https://wiki.example/backup\n- [2] backup.sh — code/scripts/backup.sh:3-9';

describe('OpenAI-compatible API', () => {
  let dependencies: FakeApiDependencies;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let baseURL: string;
  const client = (apiKey: string = TOKENS.alice) => new OpenAI({ baseURL, apiKey, maxRetries: 0 });
  const post = (body: unknown, token: string = TOKENS.alice) =>
    fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startApiServer({
      '/v1': createOpenAICompatibleApp({
        authenticate: (token) => dependencies.authenticate(token),
        ask: (request) => dependencies.ask(request),
        search: (request) => dependencies.search(request),
        getDocument: (caller, source, uri) => dependencies.getDocument(caller, source, uri),
      }),
    });
    baseURL = `${server.url}/v1`;
  });

  beforeEach(() => {
    dependencies = fakeApiDependencies();
  });

  afterAll(() => server.close());

  it('lists the one model', async () => {
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(['spravka']);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'spravka' });
  });

  it("answers with the cited sources appended, as the token's user, with the history", async () => {
    const completion = await client().chat.completions.create({
      model: 'spravka',
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: 'How do we back up?' },
        { role: 'assistant', content: 'With restic.' },
        { role: 'user', content: 'When does it run?' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('spravka');
    expect(completion.choices[0]?.message.content).toBe(`${ANSWER_WORDS.join('')}${SOURCES}`);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const [request] = dependencies.calls.ask;
    expect(request).toMatchObject({
      question: 'When does it run?',
      history: [
        { role: 'user', content: 'How do we back up?' },
        { role: 'assistant', content: 'With restic.' },
      ],
      principals: ['user:alice', 'group:staff', 'public'],
    });
  });

  it('takes the principals from the token, never from the body', async () => {
    const response = await post(
      { model: 'spravka', messages: [{ role: 'user', content: 'keys?' }], principals: ['group:admins'] },
      TOKENS.bob,
    );
    expect(response.status).toBe(200);
    expect(dependencies.calls.ask[0]?.principals).toEqual(['user:bob', 'group:admins', 'public']);
    await post({
      model: 'spravka',
      messages: [{ role: 'user', content: 'keys?' }],
      principals: ['group:admins'],
    });
    expect(dependencies.calls.ask[1]?.principals).toEqual(['user:alice', 'group:staff', 'public']);
  });

  it('passes a not-found answer through as it is', async () => {
    const completion = await client().chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'unknown thing?' }] }],
    });
    expect(completion.choices[0]?.message.content).toBe("I don't know: the documents do not say.");
  });

  it('streams the role, the text, the sources, stop and [DONE], with reasoning apart', async () => {
    const stream = await client().chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: 'When does the backup run?' }],
      stream: true,
    });
    const deltas: Array<Record<string, unknown>> = [];
    const finishReasons: Array<string | null> = [];
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      deltas.push(chunk.choices[0]?.delta as Record<string, unknown>);
      finishReasons.push(chunk.choices[0]?.finish_reason ?? null);
    }
    expect(deltas[0]).toMatchObject({ role: 'assistant' });
    const content = deltas.map((delta) => delta.content ?? '').join('');
    expect(content).toBe(`${ANSWER_WORDS.join('')}${SOURCES}`);
    expect(deltas.map((delta) => delta.reasoning_content ?? '').join('')).toBe('The sources say restic.');
    expect(finishReasons.at(-1)).toBe('stop');
    expect(dependencies.calls.ask[0]?.principals).toEqual(['user:alice', 'group:staff', 'public']);
  });

  it('ends the raw stream with [DONE]', async () => {
    const response = await post({
      model: 'spravka',
      messages: [{ role: 'user', content: 'backup?' }],
      stream: true,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await response.text();
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('cancels the answer when the client goes away mid-stream', async () => {
    const stream = await client().chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: 'slow question' }],
      stream: true,
    });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break;
    }
    await dependencies.cancelled;
    expect(dependencies.calls.ask[0]?.signal?.aborted).toBe(true);
  });

  it('refuses a wrong or missing token with an authentication error', async () => {
    await expect(client('spr_wrong').models.list()).rejects.toBeInstanceOf(AuthenticationError);
    const response = await fetch(`${baseURL}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    expect(dependencies.calls.ask).toEqual([]);
  });

  it('refuses another model with model_not_found', async () => {
    const failure = client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(failure).rejects.toBeInstanceOf(NotFoundError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it.each([
    ['bad JSON', '{"model": "spravka", '],
    ['no messages', { model: 'spravka' }],
    ['empty messages', { model: 'spravka', messages: [] }],
    ['no user message', { model: 'spravka', messages: [{ role: 'system', content: 'Be brief.' }] }],
  ])('answers %s with a 400 in OpenAI format', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; type: string; code: string } };
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_request' });
    expect(error.message).toMatch(/\w/);
  });

  it('maps an error before the answer starts to its HTTP status, streaming or not', async () => {
    for (const stream of [false, true]) {
      const response = await post({
        model: 'spravka',
        messages: [{ role: 'user', content: 'broken' }],
        stream,
      });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        error: {
          message: 'The language model failed. Check the model server.',
          type: 'server_error',
          param: null,
          code: 'llm_failed',
        },
      });
    }
  });

  it('sends an error chunk and closes when the answer fails mid-stream', async () => {
    const stream = await client().chat.completions.create({
      model: 'spravka',
      messages: [{ role: 'user', content: 'unstable question' }],
      stream: true,
    });
    const contents: string[] = [];
    const reading = (async () => {
      for await (const chunk of stream) contents.push(chunk.choices[0]?.delta.content ?? '');
    })();
    await expect(reading).rejects.toMatchObject({
      code: 'llm_failed',
      message: expect.stringMatching(/model failed/),
    });
    expect(contents.join('')).toBe(ANSWER_WORDS[0]);
  });
});
