import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../test-support/files.js';
import { isSpravkaError, type SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import { isPresetPresent } from './presence.js';
import { mirrored, type PullOptions, pullModels } from './pull.js';
import type { ModelPreset, PullEvent } from './types.js';

const CONTENT = randomBytes(600_000);
const SHA256 = createHash('sha256').update(CONTENT).digest('hex');

/** Answers one request; `content` is the file, `range` the offset asked for (when asked). */
type Behaviour = (response: ServerResponse, range: number | undefined) => void;

/** Serves the whole file whatever was asked: a server that ignores Range. */
const whole: Behaviour = (response) => {
  response.writeHead(200, { 'content-length': CONTENT.length });
  response.end(CONTENT);
};

/** Honours Range like Hugging Face's CDN does. */
const ranged: Behaviour = (response, range) => {
  if (range === undefined) return whole(response, range);
  response.writeHead(206, {
    'content-length': CONTENT.length - range,
    'content-range': `bytes ${range}-${CONTENT.length - 1}/${CONTENT.length}`,
  });
  response.end(CONTENT.subarray(range));
};

/** Sends the first `bytes` of the file, then drops the connection. */
const cut =
  (bytes: number): Behaviour =>
  (response) => {
    response.writeHead(200, { 'content-length': CONTENT.length });
    response.write(CONTENT.subarray(0, bytes), () => setTimeout(() => response.socket?.destroy(), 20));
  };

/** Sends the first `bytes`, then stays silent (until the client gives up). */
const stall =
  (bytes: number): Behaviour =>
  (response) => {
    response.writeHead(200, { 'content-length': CONTENT.length });
    response.write(CONTENT.subarray(0, bytes));
  };

const status =
  (code: number): Behaviour =>
  (response) => {
    response.writeHead(code);
    response.end(`status ${code}`);
  };

async function startServer(behaviours: Behaviour[]): Promise<{
  url: string;
  ranges: Array<string | undefined>;
  server: Server;
}> {
  const ranges: Array<string | undefined> = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers.range;
    ranges.push(header);
    const match = /^bytes=(\d+)-$/.exec(header ?? '');
    const behaviour = behaviours[Math.min(ranges.length - 1, behaviours.length - 1)] as Behaviour;
    behaviour(response, match ? Number(match[1]) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/org/model/resolve/main/model.gguf`, ranges, server };
}

function preset(url: string, overrides: Partial<ModelPreset> = {}): ModelPreset {
  return {
    name: 'test-reranker',
    role: 'reranker',
    runtime: 'llama',
    description: text('a test model', 'тестовая модель'),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [{ name: 'model.gguf', url, size: CONTENT.length, sha256: SHA256 }],
    isDefault: true,
    hardware: text('any', 'любое'),
    ...overrides,
  };
}

async function collect(names: string[], options: PullOptions): Promise<PullEvent[]> {
  const events: PullEvent[] = [];
  for await (const event of pullModels(names, options)) events.push(event);
  return events;
}

async function failure(run: Promise<unknown>): Promise<SpravkaError> {
  try {
    await run;
  } catch (error) {
    if (isSpravkaError(error)) return error;
    throw error;
  }
  throw new Error('expected a SpravkaError');
}

describe('pullModels', () => {
  const work = temporaryDirectory('spravka-pull-');
  const servers: Server[] = [];
  let counter = 0;
  const fresh = () => join(work.path, `data-${counter++}`);
  const start = async (behaviours: Behaviour[]) => {
    const started = await startServer(behaviours);
    servers.push(started.server);
    return started;
  };
  const fast = { retryDelayMilliseconds: 5, timeoutMilliseconds: 2_000 };
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });
  afterAll(() => work.cleanup());

  it('downloads the defaults, verifies them and leaves no part behind', async () => {
    const { url, ranges } = await start([ranged]);
    const dataDir = fresh();
    const model = preset(url);
    const events = await collect([], { dataDir, presets: [model], ...fast });
    const path = join(dataDir, 'models', 'test-reranker', 'model.gguf');
    expect(readFileSync(path).equals(CONTENT)).toBe(true);
    expect(existsSync(`${path}.part`)).toBe(false);
    expect(isPresetPresent(model, dataDir)).toBe(true);
    expect(ranges).toEqual([undefined]);
    expect(events[0]).toEqual({
      type: 'start',
      preset: 'test-reranker',
      file: 'model.gguf',
      total: CONTENT.length,
      resumedFrom: 0,
    });
    expect(events.at(-2)).toMatchObject({ type: 'progress', done: CONTENT.length, total: CONTENT.length });
    expect(events.at(-1)).toEqual({ type: 'verified', preset: 'test-reranker', file: 'model.gguf' });
  });

  it('resumes with a Range request after the server cut the connection mid-file', async () => {
    const { url, ranges } = await start([cut(250_000), ranged]);
    const dataDir = fresh();
    const events = await collect([], { dataDir, presets: [preset(url)], ...fast });
    const starts = events.filter((event) => event.type === 'start');
    expect(starts).toHaveLength(2);
    const resumedFrom = (starts[1] as { resumedFrom: number }).resumedFrom;
    expect(resumedFrom).toBeGreaterThan(0);
    expect(ranges).toEqual([undefined, `bytes=${resumedFrom}-`]);
    expect(readFileSync(join(dataDir, 'models', 'test-reranker', 'model.gguf')).equals(CONTENT)).toBe(true);
  });

  it('starts over when the server ignores Range and sends the whole file', async () => {
    const { url, ranges } = await start([whole]);
    const dataDir = fresh();
    const folder = join(dataDir, 'models', 'test-reranker');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'model.gguf.part'), Buffer.alloc(1_000, 7));
    const events = await collect([], { dataDir, presets: [preset(url)], ...fast });
    expect(ranges).toEqual(['bytes=1000-']);
    expect(events[0]).toMatchObject({ type: 'start', resumedFrom: 0 });
    expect(readFileSync(join(folder, 'model.gguf')).equals(CONTENT)).toBe(true);
  });

  it('finishes a complete part left unrenamed, and starts over when that part is wrong', async () => {
    const { url, ranges } = await start([ranged]);
    const dataDir = fresh();
    const folder = join(dataDir, 'models', 'test-reranker');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'model.gguf.part'), CONTENT);
    const events = await collect([], { dataDir, presets: [preset(url)], ...fast });
    expect(events[0]).toMatchObject({ type: 'start', resumedFrom: CONTENT.length });
    expect(ranges).toEqual([]);
    const otherDataDir = fresh();
    const otherFolder = join(otherDataDir, 'models', 'test-reranker');
    mkdirSync(otherFolder, { recursive: true });
    writeFileSync(join(otherFolder, 'model.gguf.part'), Buffer.alloc(CONTENT.length, 1));
    await collect([], { dataDir: otherDataDir, presets: [preset(url)], ...fast });
    expect(ranges).toEqual([undefined]);
    expect(readFileSync(join(otherFolder, 'model.gguf')).equals(CONTENT)).toBe(true);
  });

  it('deletes a file whose checksum is wrong and says so', async () => {
    const { url } = await start([whole]);
    const dataDir = fresh();
    const model = preset(url, {
      files: [{ name: 'model.gguf', url, size: CONTENT.length, sha256: 'a'.repeat(64) }],
    });
    const error = await failure(collect([], { dataDir, presets: [model], ...fast }));
    expect(error.code).toBe('model_download_failed');
    expect(error.text.en).toContain(`expected ${'a'.repeat(64)}`);
    expect(error.text.en).toContain(SHA256);
    expect(error.text.ru).toContain('sha256');
    const path = join(dataDir, 'models', 'test-reranker', 'model.gguf');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('says which URL to download and where to place it when the server cannot be reached', async () => {
    const closed = await start([whole]);
    const url = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const dataDir = fresh();
    const error = await failure(collect([], { dataDir, presets: [preset(url)], ...fast }));
    const path = join(dataDir, 'models', 'test-reranker', 'model.gguf');
    expect(error.code).toBe('model_download_failed');
    expect(error.text.en).toContain(`Could not download ${url}: the server cannot be reached (ECONNREFUSED)`);
    expect(error.hint?.en).toContain(`download ${url} and place it at ${path} (sha256 ${SHA256})`);
    expect(error.hint?.ru).toContain(`скачайте ${url} и положите в ${path} (sha256 ${SHA256})`);
  });

  it('downloads what it can and reports every file it could not, with where to place each', async () => {
    const reachable = await start([ranged]);
    const closed = await start([whole]);
    await new Promise((resolve) => closed.server.close(resolve));
    const dataDir = fresh();
    const good = preset(reachable.url, { name: 'good', isDefault: false });
    const bad = (name: string) =>
      preset(closed.url.replace('model.gguf', `${name}.gguf`), {
        name,
        isDefault: false,
        files: [
          {
            name: `${name}.gguf`,
            url: closed.url.replace('model.gguf', `${name}.gguf`),
            size: 10,
            sha256: SHA256,
          },
        ],
      });
    const events: PullEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of pullModels(['first', 'good', 'second'], {
          dataDir,
          presets: [bad('first'), good, bad('second')],
          ...fast,
        })) {
          events.push(event);
        }
      })(),
    );
    expect(events.at(-1)).toEqual({ type: 'verified', preset: 'good', file: 'model.gguf' });
    expect(error.code).toBe('model_download_failed');
    expect(error.text.en).toMatch(/^2 files could not be downloaded:/);
    for (const name of ['first', 'second']) {
      const path = join(dataDir, 'models', name, `${name}.gguf`);
      expect(error.hint?.en).toContain(`/${name}.gguf and place it at ${path} (sha256 ${SHA256})`);
    }
  });

  it('fails on an HTTP error without retrying a 404, and retries a 503', async () => {
    const missing = await start([status(404)]);
    const error = await failure(collect([], { dataDir: fresh(), presets: [preset(missing.url)], ...fast }));
    expect(error.text.en).toContain('HTTP 404');
    expect(missing.ranges).toHaveLength(1);
    const busy = await start([status(503), ranged]);
    const dataDir = fresh();
    await collect([], { dataDir, presets: [preset(busy.url)], ...fast });
    expect(busy.ranges).toHaveLength(2);
    expect(isPresetPresent(preset(busy.url), dataDir)).toBe(true);
  });

  it('refuses unknown names before downloading anything', async () => {
    const { url, ranges } = await start([ranged]);
    const dataDir = fresh();
    const error = await failure(
      collect(['test-reranker', 'deepseek-r9'], { dataDir, presets: [preset(url)], ...fast }),
    );
    expect(error.code).toBe('config_invalid');
    expect(error.text.en).toBe('Unknown preset "deepseek-r9"; presets: test-reranker.');
    expect(ranges).toEqual([]);
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  });

  it('does not download a verified file again, and re-verifies one that changed', async () => {
    const { url, ranges } = await start([ranged]);
    const dataDir = fresh();
    const model = preset(url);
    await collect([], { dataDir, presets: [model], ...fast });
    expect(await collect(['test-reranker'], { dataDir, presets: [model], ...fast })).toEqual([
      { type: 'present', preset: 'test-reranker', file: 'model.gguf' },
    ]);
    expect(ranges).toHaveLength(1);
    const path = join(dataDir, 'models', 'test-reranker', 'model.gguf');
    const corrupted = Buffer.from(CONTENT);
    corrupted[10] = (corrupted[10] ?? 0) ^ 0xff;
    writeFileSync(path, corrupted);
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    const events = await collect([], { dataDir, presets: [model], ...fast });
    expect(events.at(-1)).toMatchObject({ type: 'verified' });
    expect(ranges).toHaveLength(2);
    expect(readFileSync(path).equals(CONTENT)).toBe(true);
  });

  it('accepts a file placed by hand once it matches, without downloading', async () => {
    const { url, ranges } = await start([ranged]);
    const dataDir = fresh();
    const folder = join(dataDir, 'models', 'test-reranker');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'model.gguf'), CONTENT);
    const events = await collect([], { dataDir, presets: [preset(url)], ...fast });
    expect(events).toEqual([{ type: 'present', preset: 'test-reranker', file: 'model.gguf' }]);
    expect(ranges).toEqual([]);
    expect(existsSync(join(folder, 'model.gguf.verified'))).toBe(true);
  });

  it('keeps the part when cancelled, and the next pull resumes it', async () => {
    const first = await start([stall(200_000)]);
    const dataDir = fresh();
    const controller = new AbortController();
    const events: PullEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of pullModels([], {
          dataDir,
          presets: [preset(first.url)],
          signal: controller.signal,
          ...fast,
        })) {
          events.push(event);
          if (event.type !== 'start') continue;
          // Cancel once some of the file is on disk, as a user pressing Ctrl-C mid-download.
          const part = join(dataDir, 'models', 'test-reranker', 'model.gguf.part');
          const poll = setInterval(() => {
            if ((statSync(part, { throwIfNoEntry: false })?.size ?? 0) > 0) {
              clearInterval(poll);
              controller.abort();
            }
          }, 10);
        }
      })(),
    );
    expect(error.code).toBe('cancelled');
    expect(error.hint?.en).toContain('resumes');
    const part = join(dataDir, 'models', 'test-reranker', 'model.gguf.part');
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    const second = await start([ranged]);
    const model = preset(second.url);
    await collect([], { dataDir, presets: [model], ...fast });
    expect(second.ranges).toEqual([`bytes=${kept}-`]);
    expect(readFileSync(join(dataDir, 'models', 'test-reranker', 'model.gguf')).equals(CONTENT)).toBe(true);
  });

  it('gives up on a server that goes silent, keeping the part', async () => {
    const { url, ranges } = await start([stall(100_000)]);
    const dataDir = fresh();
    const error = await failure(
      collect([], {
        dataDir,
        presets: [preset(url)],
        attempts: 2,
        retryDelayMilliseconds: 5,
        timeoutMilliseconds: 300,
      }),
    );
    expect(error.code).toBe('model_download_failed');
    expect(error.text.en).toContain('the transfer stalled for 0.3 s');
    expect(ranges).toEqual([undefined, 'bytes=100000-']);
    expect(statSync(join(dataDir, 'models', 'test-reranker', 'model.gguf.part')).size).toBe(100_000);
  });

  it('says what to use for a server preset instead of downloading', async () => {
    const served = preset('', {
      name: 'ollama-test',
      role: 'llm',
      runtime: 'server',
      files: [],
      isDefault: false,
      server: {
        ollama: 'deepseek-r1:14b',
        setting: 'SPRAVKA_LLM=openai:http://gpu:11434/v1#deepseek-r1:14b',
      },
    });
    expect(await collect(['ollama-test'], { dataDir: fresh(), presets: [served] })).toEqual([
      {
        type: 'server',
        preset: 'ollama-test',
        setting: 'SPRAVKA_LLM=openai:http://gpu:11434/v1#deepseek-r1:14b',
        ollama: 'deepseek-r1:14b',
      },
    ]);
  });

  it('requests the same path from a mirror', () => {
    const url = 'https://huggingface.co/org/model/resolve/0123/model.gguf';
    expect(mirrored(url, 'https://hf.example.com/')).toBe(
      'https://hf.example.com/org/model/resolve/0123/model.gguf',
    );
    expect(mirrored(url, undefined)).toBe(url);
  });
});
