/**
 * A bounded map that keeps what is used often: entries live in a current and a previous generation;
 * when the current one is full it becomes the previous one (the older previous one is dropped), and a
 * hit in the previous generation moves the entry back to the current one. Holds at most
 * `2 × generationSize` entries; costs one map lookup per hit in the common case.
 */
export class GenerationalCache<Value> {
  private current = new Map<string, Value>();
  private previous = new Map<string, Value>();

  constructor(private readonly generationSize: number) {}

  get(key: string): Value | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const older = this.previous.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: string, value: Value): void {
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** Entries held, counting one kept in both generations twice (for tests and diagnostics). */
  get size(): number {
    return this.current.size + this.previous.size;
  }
}
