/**
 * Runs tasks at most `concurrency` at a time overall and at most `perKey` at a time for tasks
 * sharing a key (e.g. one channel account); a task whose key is saturated waits while tasks of other
 * keys go ahead. Tasks can be added at any time, so a worker can take more jobs while earlier ones
 * still run.
 */
export class KeyedConcurrencyLimiter {
  private readonly concurrency: number;
  private readonly perKey: number;
  private readonly waiting: { key: string; start: () => void }[] = [];
  private readonly running = new Map<string, number>();
  private active = 0;

  constructor(concurrency: number, perKey: number) {
    this.concurrency = Math.max(1, concurrency);
    this.perKey = Math.max(1, perKey);
  }

  /** Tasks running or waiting for a slot. */
  get size(): number {
    return this.active + this.waiting.length;
  }

  /** Runs `task` once the limits allow; settles as the task does. */
  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({
        key,
        start: () =>
          void Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => this.release(key)),
      });
      this.pump();
    });
  }

  private release(key: string): void {
    this.active--;
    const left = (this.running.get(key) ?? 1) - 1;
    if (left > 0) {
      this.running.set(key, left);
    } else {
      this.running.delete(key);
    }
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.active < this.concurrency;) {
      const { key } = this.waiting[i];
      const sameKey = this.running.get(key) ?? 0;
      if (sameKey >= this.perKey) {
        i++;
        continue;
      }
      const [next] = this.waiting.splice(i, 1);
      this.active++;
      this.running.set(key, sameKey + 1);
      next.start();
    }
  }
}
