import { CatFileBatch } from './cat-file.js';
import { isObjectId } from './tree-listing.js';

/** How long a batch process may wait for the next read before it is ended. */
const IDLE_MILLISECONDS = 1_000;

/**
 * Reads a scan's blobs through one long-lived `git cat-file --batch` process, not one process per file.
 * The process starts on the first read (a scan whose documents are all unchanged never starts one) and
 * ends when the scan's iteration ends (`close()`) or after a second without reads. A consumer that
 * collects the items first and reads them afterwards gets a new process that ends the same way.
 */
export class BlobReader {
  private batch: CatFileBatch | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly gitDirectory: string,
    private readonly signal?: AbortSignal,
  ) {}

  /** The bytes of blob `objectId`. */
  async read(objectId: string): Promise<Uint8Array> {
    if (!isObjectId(objectId)) throw new Error(`Not an object id: ${objectId}`);
    this.signal?.throwIfAborted();
    clearTimeout(this.idleTimer);
    if (!this.batch?.usable) this.batch = new CatFileBatch(this.gitDirectory, this.signal);
    const batch = this.batch;
    try {
      return await batch.read(objectId);
    } finally {
      if (batch === this.batch && batch.idle) this.endWhenIdle(batch);
    }
  }

  /** Ends the process once it has answered what was asked. */
  close(): void {
    clearTimeout(this.idleTimer);
    this.batch?.end();
    this.batch = undefined;
  }

  private endWhenIdle(batch: CatFileBatch): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (batch !== this.batch || !batch.idle) return;
      this.close();
    }, IDLE_MILLISECONDS);
    this.idleTimer.unref();
  }
}
