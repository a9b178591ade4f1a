import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/** A pale map-like tile: paper background, a faint grid, a few "streets" so pins read on it. */
const TILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="#f2efe9"/>
  <path d="M0 64H256M0 128H256M0 192H256M64 0V256M128 0V256M192 0V256" stroke="#e4e0d8" stroke-width="1"/>
  <path d="M0 40L256 90M30 0L90 256M0 210L256 170" stroke="#ffffff" stroke-width="6"/>
  <path d="M0 40L256 90M30 0L90 256M0 210L256 170" stroke="#d9d3c7" stroke-width="1" fill="none"/>
  <circle cx="180" cy="60" r="22" fill="#d8e8c8"/>
</svg>`;

/**
 * A tile server on loopback for tests and screenshots: any GET /z/x/y.png answers the same small PNG
 * (MAP_TILE_URL = `${url}/{z}/{x}/{y}.png`), anything else 404. Counts the tiles it served.
 */
export class StubTileServer {
  tilesServed = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<StubTileServer> {
    const png = await sharp(Buffer.from(TILE_SVG)).png().toBuffer();
    let stub: StubTileServer | null = null;
    const server = createServer((req, res) => {
      if (req.method === 'GET' && /^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
        stub!.tilesServed++;
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
        res.end(png);
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stub = new StubTileServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return stub;
  }

  /** The MAP_TILE_URL that points at this server. */
  get tileUrl(): string {
    return `${this.url}/{z}/{x}/{y}.png`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
