import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Message types that end an exchange: Sync (extended protocol), Query (simple), Terminate. */
const SYNC = 0x53;
const QUERY = 0x51;
const TERMINATE = 0x58;

interface QueuedQuery {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

interface QueryQueue {
  queue: QueuedQuery[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/**
 * pglite-socket runs the queued protocol messages of all connections one at a time, but only keeps a
 * connection's messages together inside a transaction. The extended protocol sends Parse, Bind,
 * Execute and Sync as separate messages, so another connection's Bind can replace the unnamed portal
 * in between ("portal \"\" does not exist", electric-sql/pglite#1046). This keeps each connection's
 * messages together until its Sync (or a simple Query), and keeps the queue running after a failed
 * message (upstream stops processing for good). Applied to one server instance; the version is pinned
 * by the lockfile and a test covers concurrent connections.
 */
export function keepProtocolExchangesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function') {
    throw new Error('pglite-socket internals changed: cannot patch its query queue');
  }
  let midExchange = false;

  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) {
      return;
    }
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        let query: QueuedQuery | undefined;
        if ((midExchange || this.db.isInTransaction()) && this.lastHandlerId !== null) {
          // Only the connection in the middle of an exchange or transaction may continue.
          const index = this.queue.findIndex((q) => q.handlerId === this.lastHandlerId);
          if (index === -1) {
            break;
          }
          query = this.queue.splice(index, 1)[0];
        } else {
          query = this.queue.shift()!;
        }
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(query!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                query!.onData(data);
              },
            }),
          );
        } catch (error) {
          midExchange = false;
          this.lastHandlerId = query.handlerId;
          query.reject(error as Error);
          continue;
        }
        const type = query.message[0];
        // A startup packet begins with its length (first byte 0); it is a whole exchange too.
        midExchange = !(type === SYNC || type === QUERY || type === TERMINATE || type === 0);
        this.lastHandlerId = query.handlerId;
        query.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    // A connection that went away mid-exchange must not hold the others back.
    if (queue.lastHandlerId === handlerId) {
      midExchange = false;
    }
    clearQueueForHandler(handlerId);
  };
}
