import type { ChildProcess } from 'node:child_process';
import { killProcessGroup, spawnGit } from './git-command.js';

/** Longest stderr kept from the process. */
const STDERR_LIMIT = 16 * 1024;

interface PendingRead {
  resolve(bytes: Uint8Array): void;
  reject(error: unknown): void;
}

/**
 * One `git cat-file --batch` process. A read writes `<id>\n`; git answers `<id> <type> <size>\n<bytes>\n`
 * (or `<id> missing\n`) in the order it was asked, so a FIFO of pending reads is the whole queue and any
 * number of reads may be in flight. `end()` lets git answer what was asked, then exit.
 */
export class CatFileBatch {
  private readonly child: ChildProcess;
  private readonly pending: PendingRead[] = [];
  private exited = false;
  private stderr = '';
  // The answer being parsed: its header bytes so far, then its body being filled, then one newline.
  private headerChunks: Buffer[] = [];
  private body: Uint8Array | undefined;
  private filled = 0;
  private trailingNewline = false;

  constructor(gitDirectory: string, signal?: AbortSignal) {
    const child = spawnGit(['cat-file', '--batch'], { gitDirectory, stdin: 'pipe' });
    this.child = child;
    const onAbort = () => killProcessGroup(child);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (this.stderr.length < STDERR_LIMIT) this.stderr += chunk;
    });
    // A write after git died fails with EPIPE; 'close' then reports the failure to the pending reads.
    child.stdin?.on('error', () => undefined);
    child.on('error', (error) => this.failAll(error));
    child.on('close', (exitCode) => {
      this.exited = true;
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) this.failAll(signal.reason);
      else this.failAll(new Error(`git cat-file exited with status ${exitCode}: ${this.stderr.trim()}`));
    });
  }

  /** Whether the process can still take reads. */
  get usable(): boolean {
    return !this.exited && this.child.stdin?.writable === true;
  }

  /** Whether no read is waiting for its answer. */
  get idle(): boolean {
    return this.pending.length === 0;
  }

  /** The bytes of the object `objectId` (a full object id: the caller checks it). */
  read(objectId: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin?.write(`${objectId}\n`);
    });
  }

  end(): void {
    this.child.stdin?.end();
  }

  private receive(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.trailingNewline) {
        this.trailingNewline = false;
        offset += 1;
      } else if (this.body) {
        const take = Math.min(this.body.length - this.filled, chunk.length - offset);
        this.body.set(chunk.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.body.length) this.finishBody();
      } else {
        const newline = chunk.indexOf(10, offset);
        if (newline === -1) {
          this.headerChunks.push(chunk.subarray(offset));
          return;
        }
        this.headerChunks.push(chunk.subarray(offset, newline));
        offset = newline + 1;
        const header = Buffer.concat(this.headerChunks).toString('utf8');
        this.headerChunks = [];
        this.startBody(header);
      }
    }
  }

  /** `<id> <type> <size>` starts a body; `<id> missing` answers the read at once. */
  private startBody(header: string): void {
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined) {
      this.pending.shift()?.reject(new Error(`git cat-file: ${header}`));
      return;
    }
    this.body = new Uint8Array(Number(size));
    this.filled = 0;
    if (this.body.length === 0) this.finishBody();
  }

  private finishBody(): void {
    const body = this.body as Uint8Array;
    this.body = undefined;
    this.trailingNewline = true;
    this.pending.shift()?.resolve(body);
  }

  private failAll(error: unknown): void {
    for (const read of this.pending.splice(0)) read.reject(error);
  }
}
