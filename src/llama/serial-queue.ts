/**
 * Runs tasks one at a time in arrival order. A llama.cpp context evaluates one sequence at a time, so
 * concurrent requests wait here instead of interleaving on the same context.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Tasks queued or running. */
  get depth(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.waiting++;
    const result = this.tail.then(() => {
      // A request cancelled while it waited never starts.
      signal?.throwIfAborted();
      return task();
    });
    const settled = result.finally(() => {
      this.waiting--;
    });
    this.tail = settled.catch(() => undefined);
    return settled;
  }
}
