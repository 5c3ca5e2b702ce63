import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Feeds a file's bytes into a running hash: a resumed download hashes what it already has first. */
export async function hashInto(hash: Hash, path: string, signal?: AbortSignal): Promise<void> {
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
    ...(signal ? { signal } : {}),
  })) {
    hash.update(chunk as Buffer);
  }
}

export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await hashInto(hash, path, signal);
  return hash.digest('hex');
}
