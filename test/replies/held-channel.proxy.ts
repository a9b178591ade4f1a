import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between a worker and a fake channel server: forwards each request at once (the channel has
 * published the message) and never answers, so every send through it stays in flight until the
 * worker dies. `stop()` drops the held answers; no timers are left behind.
 */
export class HeldChannelProxy {
  private readonly server: Server;
  private readonly held = new Set<ServerResponse>();

  constructor(private readonly target: string) {
    this.server = http.createServer((req, res) => void this.forward(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** POSTs (sends) forwarded to the channel whose answer is held while the caller still waits for it. */
  get sendsInFlight(): number {
    return [...this.held].filter((res) => res.req.method === 'POST' && !res.destroyed && !res.socket?.destroyed).length;
  }

  async stop(): Promise<void> {
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const headers = { ...req.headers };
    delete headers.host;
    await new Promise<void>((resolve) => {
      const out = http.request(`${this.target}${req.url}`, { method: req.method, headers }, (answer) => {
        answer.resume();
        answer.on('end', resolve);
      });
      out.on('error', () => resolve());
      out.end(Buffer.concat(chunks));
    });
    this.held.add(res);
  }
}
