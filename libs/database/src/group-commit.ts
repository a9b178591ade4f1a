interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<T> {
  /** Writes and commits the items together; throws if the commit failed. */
  commit(items: T[]): Promise<void>;
  /** A commit stops growing here. */
  maxItems: number;
  /** Only items with the same key are committed together (default: any items). */
  keyOf?(item: T): string;
  /** A merged commit failed and its items are committed one by one (for a log line). */
  onMergedFailure?(items: number, error: Error): void;
  /** After each commit that stored at least one item. */
  afterCommit?(): void;
  /**
   * Before a commit that would carry fewer than maxItems, wait this long for more (PostgreSQL's
   * commit_delay, for callers that value fewer statements per item over a few ms of latency).
   */
  lingerMs?: number;
}

/**
 * Group commit: items handed in while a commit runs wait and go into the next one, so under load
 * each commit (one transaction, one WAL flush) carries everything that arrived during the last.
 * One commit runs at a time; each caller resolves once its item is committed. A merged commit that
 * fails is retried item by item, so one bad item does not fail the others it was merged with.
 */
export class GroupCommit<T> {
  private readonly waiting: Array<Waiting<T>> = [];
  private committing = false;
  /** Ends the current linger early (set while one runs). */
  private endLinger: (() => void) | null = null;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  /** Resolves once the item is committed; rejects with its own commit's error. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.endLinger && this.waiting.length >= this.options.maxItems) {
        this.endLinger();
      }
      void this.commitWaiting();
    });
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing) {
      return;
    }
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        const { lingerMs, maxItems } = this.options;
        if (lingerMs && this.waiting.length < maxItems) {
          await this.linger(lingerMs);
        }
        await this.commitBatch(this.nextBatch());
      }
    } finally {
      this.committing = false;
    }
  }

  /** Waits `ms`, or less if enough items arrive to fill a commit. */
  private linger(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        this.endLinger = null;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.endLinger = end;
    });
  }

  /** The oldest waiting item and, up to maxItems, the waiting items that share its key. */
  private nextBatch(): Array<Waiting<T>> {
    const { keyOf, maxItems } = this.options;
    if (!keyOf) {
      return this.waiting.splice(0, maxItems);
    }
    const key = keyOf(this.waiting[0].item);
    const batch: Array<Waiting<T>> = [];
    for (let i = 0; i < this.waiting.length && batch.length < maxItems;) {
      if (keyOf(this.waiting[i].item) === key) {
        batch.push(...this.waiting.splice(i, 1));
      } else {
        i++;
      }
    }
    return batch;
  }

  private async commitBatch(batch: Array<Waiting<T>>): Promise<void> {
    let stored = 0;
    try {
      await this.options.commit(batch.map((w) => w.item));
      for (const waiting of batch) {
        waiting.resolve();
      }
      stored = batch.length;
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
      } else {
        this.options.onMergedFailure?.(batch.length, error as Error);
        for (const waiting of batch) {
          try {
            await this.options.commit([waiting.item]);
            waiting.resolve();
            stored++;
          } catch (single) {
            waiting.reject(single);
          }
        }
      }
    }
    if (stored > 0) {
      this.options.afterCommit?.();
    }
  }
}
