import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReader } from './blob-reader.js';

let repository: string;
const blobs = new Map<string, Uint8Array>();

function store(bytes: Uint8Array): string {
  const objectId = execFileSync('git', ['--git-dir', repository, 'hash-object', '-w', '--stdin'], {
    input: bytes,
    encoding: 'utf8',
  }).trim();
  blobs.set(objectId, bytes);
  return objectId;
}

beforeAll(async () => {
  repository = await mkdtemp(join(tmpdir(), 'spravka-blobs-'));
  execFileSync('git', ['init', '--quiet', '--bare', repository]);
  store(new Uint8Array(0));
  store(new TextEncoder().encode('line one\nline two\n'));
  store(new Uint8Array(randomBytes(300_000)));
  store(new Uint8Array([0, 10, 10, 0, 255]));
});

afterAll(async () => {
  await rm(repository, { recursive: true, force: true });
});

describe('BlobReader', () => {
  it('reads empty, small and multi-chunk blobs exactly, one after another and all at once', async () => {
    const reader = new BlobReader(repository);
    for (const [objectId, bytes] of blobs) expect(await reader.read(objectId)).toEqual(bytes);
    const together = await Promise.all([...blobs.keys()].map((objectId) => reader.read(objectId)));
    expect(together).toEqual([...blobs.values()]);
    reader.close();
  });

  it('rejects a missing object without disturbing the reads around it', async () => {
    const reader = new BlobReader(repository);
    const [first, second] = [...blobs.keys()];
    const results = await Promise.allSettled([
      reader.read(first ?? ''),
      reader.read('0123456789012345678901234567890123456789'),
      reader.read(second ?? ''),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await expect(reader.read('HEAD')).rejects.toThrow(/Not an object id/);
    reader.close();
  });

  it('keeps reading after close, with a new process', async () => {
    const reader = new BlobReader(repository);
    const [objectId = '', bytes] = [...blobs.entries()][1] ?? [];
    expect(await reader.read(objectId)).toEqual(bytes);
    reader.close();
    expect(await reader.read(objectId)).toEqual(bytes);
    reader.close();
  });
});
