import { cpSync, existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
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

  /**
   * @param template a migrated data directory to start from when `dataDir` does not exist yet
   *   (copying it takes a moment; creating and migrating a new cluster takes many seconds)
   */
  static async start(dataDir: string, options: { port?: number; template?: string } = {}): Promise<EmbeddedPostgres> {
    const dir = resolve(dataDir);
    if (!existsSync(dir) && options.template && existsSync(join(options.template, 'PG_VERSION'))) {
      cpSync(options.template, dir, { recursive: true });
    }
    mkdirSync(dir, { recursive: true });
    const port = options.port ?? 0;
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
