/**
 * A one-consumer async queue: a producer that works by callbacks pushes values, the consumer iterates.
 * `end()` finishes the iteration, `fail(error)` rejects the pending or next read.
 */
export class Channel<T> implements AsyncIterable<T> {
  private readonly buffered: T[] = [];
  private waiting:
    | { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }
    | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  constructor(private readonly onReturn: () => void = () => {}) {}

  push(value: T): void {
    if (this.closed) return;
    if (this.waiting) {
      this.waiting.resolve({ value, done: false });
      this.waiting = undefined;
    } else this.buffered.push(value);
  }

  end(): void {
    this.closed = true;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
  }

  fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = { error };
    this.waiting?.reject(error);
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const value = this.buffered.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (this.failure) return Promise.reject(this.failure.error);
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          this.waiting = { resolve, reject };
        });
      },
      return: () => {
        // The consumer stopped reading (break, error): stop the producer.
        this.closed = true;
        this.buffered.length = 0;
        this.onReturn();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
