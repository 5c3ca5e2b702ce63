import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isSpravkaError } from '../errors/index.js';
import { checksumMismatch, downloadCancelled, downloadFailed, sizeMismatch } from './download-errors.js';
import { hashInto } from './file-hash.js';
import { partialPath } from './paths.js';
import {
  connectionFailure,
  interruptedTransfer,
  misplacedRange,
  statusFailure,
  TransferFailure,
} from './transfer-failure.js';
import type { ModelFile, PullEvent } from './types.js';

export interface FileDownloadOptions {
  /** The URL actually requested: the file's own, or the same path on a mirror. */
  address: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** How long the server may stay silent (before answering, or between two pieces of the file). */
  idleTimeoutMilliseconds: number;
  /** Attempts in all; each resumes from what the previous ones wrote. */
  attempts: number;
  retryDelayMilliseconds: number;
  /** Least time between two progress events. */
  progressIntervalMilliseconds: number;
}

/**
 * Downloads `file` to `path` through `<path>.part`: resumes a part left by an earlier attempt or run with
 * an HTTP Range request (a server that ignores it and answers 200 is read from the start), streams to disk
 * while hashing, and renames the part to `path` only when size and sha256 are right. A wrong file is
 * deleted; a failed or cancelled transfer keeps the part for the next resume.
 */
export async function* downloadFile(
  preset: string,
  file: ModelFile,
  path: string,
  options: FileDownloadOptions,
): AsyncGenerator<PullEvent, void> {
  await mkdir(dirname(path), { recursive: true });
  const part = partialPath(path);
  for (let attempt = 1; ; attempt++) {
    const before = await sizeOf(part);
    try {
      yield* transfer(preset, file, path, options);
      return;
    } catch (error) {
      if (options.signal?.aborted) throw downloadCancelled(path);
      if (isSpravkaError(error) || !(error instanceof TransferFailure)) throw error;
      // An attempt that got further than the one before earns a fresh count: a long download over a
      // flaky line keeps going as long as it progresses.
      if ((await sizeOf(part)) > before) attempt = 1;
      if (!error.retryable || attempt >= options.attempts) {
        throw downloadFailed(file, path, options.address, error.reason, error);
      }
      await pause(options.retryDelayMilliseconds * 2 ** (attempt - 1), options.signal, path);
    }
  }
}

async function sizeOf(path: string): Promise<number> {
  return (await stat(path).catch(() => undefined))?.size ?? 0;
}

/** One attempt: from the bytes already in the part to the end of the file. */
async function* transfer(
  preset: string,
  file: ModelFile,
  path: string,
  options: FileDownloadOptions,
): AsyncGenerator<PullEvent, void> {
  const part = partialPath(path);
  let offset = await usablePartSize(part, file.size);
  let hash = createHash('sha256');
  if (offset > 0) await hashInto(hash, part, options.signal);
  if (offset === file.size) {
    // A complete part that was never renamed (the run stopped just before): keep it if it is right.
    if (hash.copy().digest('hex') === file.sha256) {
      yield { type: 'start', preset, file: file.name, total: file.size, resumedFrom: offset };
      await finish(file, part, path, hash);
      return;
    }
    offset = 0;
    hash = createHash('sha256');
  }
  const idle = new IdleTimer(options.idleTimeoutMilliseconds);
  try {
    const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
    let response: Response;
    try {
      response = await options.fetch(options.address, {
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        redirect: 'follow',
        signal,
      });
    } catch (error) {
      throw connectionFailure(error, idle.fired ? options.idleTimeoutMilliseconds : undefined);
    }
    if (response.status === 206 && rangeStart(response.headers.get('content-range')) !== offset) {
      // A range the server made up: nothing of it can be trusted, start again from the beginning.
      await response.body?.cancel().catch(() => {});
      await rm(part, { force: true });
      throw misplacedRange();
    }
    if (response.status === 200 && offset > 0) {
      // The server ignores Range: it sends the whole file, so the part is rewritten from byte 0.
      offset = 0;
      hash = createHash('sha256');
    } else if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel().catch(() => {});
      if (response.status === 416) await rm(part, { force: true });
      throw statusFailure(response.status);
    }
    if (!response.body) throw interruptedTransfer(undefined, undefined);
    yield { type: 'start', preset, file: file.name, total: file.size, resumedFrom: offset };
    const chunks = response.body[Symbol.asyncIterator]();
    const output = await open(part, offset > 0 ? 'a' : 'w');
    let done = offset;
    try {
      let reported = Date.now();
      for (;;) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw interruptedTransfer(error, idle.fired ? options.idleTimeoutMilliseconds : undefined);
        }
        if (next.done) break;
        idle.restart();
        if (done + next.value.length > file.size) {
          await output.close();
          await rm(part, { force: true });
          throw sizeMismatch(file, path);
        }
        hash.update(next.value);
        await output.write(next.value);
        done += next.value.length;
        if (Date.now() - reported >= options.progressIntervalMilliseconds) {
          reported = Date.now();
          yield { type: 'progress', preset, file: file.name, done, total: file.size };
        }
      }
      if (done < file.size) throw interruptedTransfer(undefined, undefined);
      await output.sync();
    } finally {
      await output.close().catch(() => {});
      // Stopped early (failure, or the consumer stopped listening): let the connection go.
      await chunks.return?.().catch(() => {});
    }
    yield { type: 'progress', preset, file: file.name, done, total: file.size };
    await finish(file, part, path, hash);
  } finally {
    idle.stop();
  }
}

/** Size of a part that can be resumed; a part longer than the file is garbage and is removed. */
async function usablePartSize(part: string, size: number): Promise<number> {
  const entry = await stat(part).catch(() => undefined);
  if (!entry) return 0;
  if (entry.isFile() && entry.size <= size) return entry.size;
  await rm(part, { force: true, recursive: true });
  return 0;
}

/** Checks the complete part and gives it its real name, or deletes it. */
async function finish(file: ModelFile, part: string, path: string, hash: Hash): Promise<void> {
  const actual = hash.digest('hex');
  if (actual !== file.sha256) {
    await rm(part, { force: true });
    throw checksumMismatch(file, path, actual);
  }
  await rename(part, path);
}

/** `bytes 100-199/200` → 100. */
function rangeStart(header: string | null): number | undefined {
  const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

function pause(milliseconds: number, signal: AbortSignal | undefined, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancel = () => {
      clearTimeout(timer);
      reject(downloadCancelled(path));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** Aborts its signal when nothing has happened for a while; every piece of the file restarts it. */
class IdleTimer {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  fired = false;

  constructor(milliseconds: number) {
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort(new Error(`no data for ${milliseconds} ms`));
    }, milliseconds);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    this.timer.refresh();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
