/**
 * The lifetime of one HTTP attempt: an abort controller that follows the caller's signal, and one
 * deadline timer that aborts it. Closing clears the timer and unlinks the caller's signal, so nothing
 * outlives the attempt.
 */
export class Connection {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private expiredDeadline: string | undefined;
  private readonly followCaller = () => this.close(this.callerSignal?.reason);

  constructor(private readonly callerSignal: AbortSignal | undefined) {
    callerSignal?.addEventListener('abort', this.followCaller, { once: true });
  }

  /** Pass to fetch: aborting it closes the socket. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** What the deadline that fired was waiting for (e.g. `no answer within 60000 ms`), if one fired. */
  get expired(): string | undefined {
    return this.expiredDeadline;
  }

  /** Aborts the connection unless `arm`, `disarm` or `close` is called again within `milliseconds`. */
  arm(milliseconds: number, description: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expiredDeadline = description;
      this.close(new Error(description));
    }, milliseconds);
  }

  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The attempt is over and its response fully read: stop the timer, forget the caller's signal. */
  finish(): void {
    this.disarm();
    this.callerSignal?.removeEventListener('abort', this.followCaller);
  }

  /** Ends the attempt and closes the socket if the response is still open. Safe to call twice. */
  close(reason?: unknown): void {
    this.finish();
    this.controller.abort(reason);
  }
}
