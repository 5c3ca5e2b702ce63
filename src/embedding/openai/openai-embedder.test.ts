import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryDirectory, writeTree } from '../../../test-support/files.js';
import { runSync } from '../../../test-support/spravka.js';
import { Spravka } from '../../app.js';
import { loadConfig } from '../../config/index.js';
import { OpenAIEmbeddingModel } from './openai-embedder.js';

type Handler = (
  request: IncomingMessage,
  body: { model: string; input: string[] },
  response: ServerResponse,
) => void;

/** A local server speaking OpenAI's /v1/embeddings, with a scripted behaviour per request. */
async function startServer(handlers: Handler[]): Promise<{
  baseUrl: string;
  requests: Array<{ input: string[]; authorization?: string }>;
  server: Server;
}> {
  const requests: Array<{ input: string[]; authorization?: string }> = [];
  let call = 0;
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    request.on('end', () => {
      const body = JSON.parse(raw) as { model: string; input: string[] };
      requests.push({
        input: body.input,
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      });
      const handler = handlers[Math.min(call++, handlers.length - 1)] as Handler;
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, requests, server };
}

/** Answers with 3-d vectors [length of text, 1, 0], in reverse order, as servers may. */
const embeddings: Handler = (_request, body, response) => {
  const data = body.input.map((input, index) => ({
    object: 'embedding',
    index,
    embedding: [input.length, 1, 0],
  }));
  response.setHeader('content-type', 'application/json');
  response.end(
    JSON.stringify({
      object: 'list',
      model: body.model,
      data: data.reverse(),
      usage: { prompt_tokens: 1, total_tokens: 1 },
    }),
  );
};

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_request, _body, response) => {
    response.writeHead(code, headers);
    response.end(JSON.stringify({ error: { message: `status ${code}` } }));
  };

describe('OpenAI-compatible embedder', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });
  const start = async (handlers: Handler[]) => {
    const started = await startServer(handlers);
    servers.push(started.server);
    return started;
  };

  it('learns the dimension, batches, keeps order by index, normalises and sends the key', async () => {
    const { baseUrl, requests } = await start([embeddings]);
    const model = await OpenAIEmbeddingModel.create({
      baseUrl,
      model: 'bge-m3',
      apiKey: 'secret',
      batchSize: 2,
    });
    expect(model.dimension).toBe(3);
    expect(model.id).toBe(`openai:${baseUrl}#bge-m3`);
    const vectors = await model.embed(['a', 'bbb', 'cc', 'dddd', 'e']);
    expect(requests.slice(1).map((request) => request.input)).toEqual([['a', 'bbb'], ['cc', 'dddd'], ['e']]);
    expect(requests[0]?.authorization).toBe('Bearer secret');
    const expected = (length: number) => [length / Math.hypot(length, 1), 1 / Math.hypot(length, 1), 0];
    vectors.forEach((vector, position) => {
      const length = ['a', 'bbb', 'cc', 'dddd', 'e'][position]?.length as number;
      for (const [index, value] of expected(length).entries()) expect(vector[index]).toBeCloseTo(value, 6);
    });
  });

  it('retries 429 (honouring Retry-After) and 503, then succeeds', async () => {
    const { baseUrl, requests } = await start([
      embeddings,
      status(429, { 'retry-after': '0' }),
      status(503),
      embeddings,
    ]);
    const model = await OpenAIEmbeddingModel.create({ baseUrl, model: 'm' });
    const [vector] = await model.embed(['hello']);
    expect(vector).toHaveLength(3);
    expect(requests).toHaveLength(4);
  });

  it('does not retry a wrong key, and says to check it', async () => {
    const { baseUrl, requests } = await start([status(401)]);
    await expect(OpenAIEmbeddingModel.create({ baseUrl, model: 'm', apiKey: 'wrong' })).rejects.toMatchObject(
      {
        code: 'embedder_failed',
        hint: { en: 'Check the API key variable.' },
      },
    );
    expect(requests).toHaveLength(1);
  });

  it('rejects garbage and vectors of the wrong shape with a clear error', async () => {
    const garbage: Handler = (_request, _body, response) => response.end('<html>proxy error</html>');
    const { baseUrl } = await start([garbage]);
    await expect(OpenAIEmbeddingModel.create({ baseUrl, model: 'm', retries: 0 })).rejects.toThrow(
      /not the expected JSON/,
    );
    const short: Handler = (_request, _body, response) =>
      response.end(JSON.stringify({ data: [{ index: 0, embedding: [1, 2] }] }));
    const second = await start([embeddings, short]);
    const model = await OpenAIEmbeddingModel.create({ baseUrl: second.baseUrl, model: 'm' });
    await expect(model.embed(['x', 'y'])).rejects.toThrow(/expected 2 vectors of 3 dimension/);
  });

  it('times out a server that never answers, and reports a dead one', async () => {
    const silent: Handler = () => {};
    const { baseUrl } = await start([silent]);
    await expect(
      OpenAIEmbeddingModel.create({ baseUrl, model: 'm', timeoutMilliseconds: 200, retries: 1 }),
    ).rejects.toThrow(/no answer within 200 ms/);
    await expect(
      OpenAIEmbeddingModel.create({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', retries: 0 }),
    ).rejects.toMatchObject({
      code: 'embedder_failed',
      hint: { en: expect.stringMatching(/model server is running/) },
    });
  });

  it('stops when the caller cancels', async () => {
    const slow: Handler = (request, body, response) =>
      setTimeout(() => embeddings(request, body, response), 2_000);
    const { baseUrl } = await start([embeddings, slow]);
    const model = await OpenAIEmbeddingModel.create({ baseUrl, model: 'm' });
    const controller = new AbortController();
    const pending = model.embed(['x'], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 50);
    await expect(pending).rejects.toThrow(/cancelled by the user/);
  });

  it('is chosen by SPRAVKA_EMBEDDER=openai:<base URL>#<model>, with the key from SPRAVKA_EMBEDDER_API_KEY', () => {
    const config = loadConfig({
      SPRAVKA_EMBEDDER: 'openai:http://gpu-1:11434/v1#bge-m3',
      SPRAVKA_EMBEDDER_API_KEY: 'k',
    });
    expect(config.embedder).toEqual({
      kind: 'openai',
      baseUrl: 'http://gpu-1:11434/v1',
      model: 'bge-m3',
      apiKey: 'k',
    });
    expect(() => loadConfig({ SPRAVKA_EMBEDDER: 'openai:http://gpu-1/v1' })).toThrow(
      /openai:<base URL>#<model>/,
    );
    expect(() => loadConfig({ SPRAVKA_EMBEDDER: 'openai:ftp://x#m' })).toThrow(/Invalid configuration/);
  });

  it('indexes through the server end to end, and a dead server at start-up is a clear error', async () => {
    const { baseUrl } = await start([embeddings]);
    const work = temporaryDirectory();
    try {
      writeTree(work.path, { 'docs/a.md': '# A\n\nalpha', 'docs/b.md': '# B\n\nbeta beta' });
      const environment = { SPRAVKA_DATA_DIR: `${work.path}/data`, SPRAVKA_EMBEDDER: `openai:${baseUrl}#m` };
      const spravka = await Spravka.create(loadConfig(environment));
      try {
        spravka.addSource('docs', 'folder', { path: `${work.path}/docs` }, ['public']);
        const { reports } = await runSync(spravka);
        expect(reports[0]).toMatchObject({ added: 2, failed: 0 });
        expect(spravka.index.statistics()).toMatchObject({ chunks: 2, vectors: 2 });
        expect(spravka.index.vectorModel()).toEqual({ id: `openai:${baseUrl}#m`, dimension: 3 });
      } finally {
        spravka.close();
      }
      await expect(
        Spravka.create(loadConfig({ ...environment, SPRAVKA_EMBEDDER: 'openai:http://127.0.0.1:9/v1#m' })),
      ).rejects.toMatchObject({ code: 'embedder_failed' });
    } finally {
      work.cleanup();
    }
  });
});
