import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepProtocolExchangesTogether } from './pglite-query-queue.patch';

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on loopback to the ordinary `pg` driver,
 * so the app has one code path whether DATABASE_URL is set or not. PGlite runs one session at a
 * time; the socket server queues the others, and a transaction holds the queue until it ends.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    const db = await PGlite.create(dir, { extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 64 });
    keepProtocolExchangesTogether(server);
    await server.start();
    const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${address.port}/postgres`, dir);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
