import { abortedError } from './abort';
import { LlmError } from './llm-types';

/**
 * Bounded concurrency with a bounded wait line: at most `maxConcurrency` tasks run, at most
 * `maxQueue` wait (first come, first served); one more is refused at once with `queue_full`, so
 * overload shows up as a fast error instead of an ever-growing backlog.
 */
export class RequestQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxConcurrency: number,
    private readonly maxQueue: number,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedError());
    if (this.running < this.maxConcurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueue) {
      return Promise.reject(new LlmError('queue_full', `the LLM request queue is full (${this.maxQueue} waiting)`, true));
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(start), 1);
        reject(abortedError());
      };
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(start);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) next();
    else this.running -= 1;
  }
}
