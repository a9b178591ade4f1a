/** Limits of one batch: how many items run at once overall, and per key (e.g. per channel account). */
export interface ConcurrencyLimits<T> {
  concurrency: number;
  perKey: number;
  keyOf: (item: T) => string;
}

/**
 * Runs `task` for every item, at most `concurrency` at a time and at most `perKey` at a time for
 * items sharing a key; an item whose key is saturated waits while items of other keys go ahead.
 * Resolves when all tasks have settled; a task's rejection is the task's business (ignored here).
 */
export async function runWithLimits<T>(items: readonly T[], limits: ConcurrencyLimits<T>, task: (item: T) => Promise<void>): Promise<void> {
  const concurrency = Math.max(1, limits.concurrency);
  const perKey = Math.max(1, limits.perKey);
  const pending = [...items];
  const running = new Map<string, number>();
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      if (pending.length === 0 && active === 0) return resolve();
      for (let i = 0; i < pending.length && active < concurrency; ) {
        const key = limits.keyOf(pending[i]);
        const sameKey = running.get(key) ?? 0;
        if (sameKey >= perKey) {
          i++;
          continue;
        }
        const [item] = pending.splice(i, 1);
        active++;
        running.set(key, sameKey + 1);
        void Promise.resolve()
          .then(() => task(item))
          .catch(() => undefined)
          .finally(() => {
            active--;
            const left = (running.get(key) ?? 1) - 1;
            if (left > 0) running.set(key, left);
            else running.delete(key);
            pump();
          });
      }
    };
    pump();
  });
}
