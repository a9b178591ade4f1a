import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth: number }).transactionDepth;

/** Every buffer, in the order they were made: flushed one after the other (one connection runs one query at a time). */
const buffers: CommitBuffer<unknown>[] = [];
const subscribed = new WeakSet<DataSource>();

/** Flushes each buffer's state of the committing transaction before COMMIT; drops it on ROLLBACK. */
class FlushBuffersOnCommit implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A nested transaction's commit is a savepoint release: the outer commit flushes.
    if (depthOf(event.queryRunner) !== 1) {
      return;
    }
    for (const buffer of buffers) {
      await buffer.flushFor(event.queryRunner, event.manager);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (depthOf(event.queryRunner) === 0) {
      buffers.forEach((buffer) => buffer.dropFor(event.queryRunner));
    }
  }
}

/**
 * Per-transaction state held until the transaction commits, then written by `flush` in the same
 * transaction just before COMMIT, and forgotten on rollback. Work that repeats one small write per
 * event in a long transaction (a scanner's batch) writes once instead; a flush that throws fails the
 * commit, so the transaction rolls back as if the write had failed where it was made. The state
 * belongs to the transaction level it was opened at: a nested transaction (its own savepoint) sees
 * none and writes at once.
 */
export class CommitBuffer<S> {
  private readonly pending = new WeakMap<QueryRunner, { depth: number; state: S }>();

  constructor(
    private readonly create: () => S,
    private readonly flush: (manager: EntityManager, state: S) => Promise<void>,
  ) {
    buffers.push(this as CommitBuffer<unknown>);
  }

  /** From now until commit this transaction buffers; false (nothing opened) outside a transaction. */
  open(manager: EntityManager): boolean {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      return false;
    }
    if (!subscribed.has(manager.connection)) {
      subscribed.add(manager.connection);
      manager.connection.subscribers.push(new FlushBuffersOnCommit());
    }
    if (!this.pending.has(runner)) {
      this.pending.set(runner, { depth: depthOf(runner), state: this.create() });
    }
    return true;
  }

  /** The transaction's state when it buffers at this level, else undefined (write now). */
  state(manager: EntityManager): S | undefined {
    const runner = manager.queryRunner;
    const pending = runner?.isTransactionActive ? this.pending.get(runner) : undefined;
    return pending && pending.depth === depthOf(runner!) ? pending.state : undefined;
  }

  async flushFor(runner: QueryRunner, manager: EntityManager): Promise<void> {
    const pending = this.pending.get(runner);
    if (pending) {
      this.pending.delete(runner);
      await this.flush(manager, pending.state);
    }
  }

  dropFor(runner: QueryRunner): void {
    this.pending.delete(runner);
  }
}
