import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between workers and a fake channel server and makes the channel slow to answer: each
 * request is forwarded at once (so the channel has "published" it) but its answer is held back for
 * `delayMs`. Every worker gets a lane (its own port), so a test knows which worker has a send in
 * flight and can kill that worker while the channel has the message but the worker has no answer.
 */
export class SlowChannelProxy {
  private readonly servers: Server[] = [];
  private readonly inFlightByLane: number[] = [];
  delayMs: number;

  constructor(
    private readonly target: string,
    private readonly lanes: number,
    delayMs: number,
  ) {
    this.delayMs = delayMs;
  }

  async start(): Promise<this> {
    for (let lane = 0; lane < this.lanes; lane++) {
      this.inFlightByLane.push(0);
      const server = http.createServer((req, res) => void this.forward(lane, req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.servers.push(server);
    }
    return this;
  }

  url(lane: number): string {
    return `http://127.0.0.1:${(this.servers[lane].address() as AddressInfo).port}`;
  }

  inFlight(lane: number): number {
    return this.inFlightByLane[lane];
  }

  async stop(): Promise<void> {
    for (const server of this.servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async forward(lane: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlightByLane[lane]++;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) {
        chunks.push(chunk as Buffer);
      }
      const upstream = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
        (resolve, reject) => {
          const headers = { ...req.headers };
          delete headers.host;
          const out = http.request(`${this.target}${req.url}`, { method: req.method, headers }, (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (c: Buffer) => body.push(c));
            answer.on('end', () =>
              resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(body) }),
            );
            answer.on('error', reject);
          });
          out.on('error', reject);
          out.end(Buffer.concat(chunks));
        },
      );
      await new Promise((r) => setTimeout(r, this.delayMs));
      if (!res.destroyed) {
        const headers = { ...upstream.headers };
        delete headers['transfer-encoding'];
        headers['content-length'] = String(upstream.body.length);
        res.writeHead(upstream.status, headers);
        res.end(upstream.body);
      }
    } catch (error) {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(502);
        res.end(String(error));
      }
    } finally {
      this.inFlightByLane[lane]--;
    }
  }
}
