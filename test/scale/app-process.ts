import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' } as const;

export type AppRole = keyof typeof ENTRY;

/** Builds dist once when it is missing (`.ci/run` builds before the tests; a bare `npm test` may not have). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, ENTRY.api)) && existsSync(join(ROOT, ENTRY.worker))) {
    return;
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0 || !existsSync(join(ROOT, ENTRY.api)) || !existsSync(join(ROOT, ENTRY.worker))) {
    throw new Error(`npm run build failed (needed for dist/apps/*/src/main.js):\n${build.stdout}\n${build.stderr}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The api or the worker as its own operating-system process, started from dist exactly as
 * `npm run start:api` / `npm run start:worker` do, so tests and benchmarks see the deployed shape.
 */
export class AppProcess {
  private output = '';
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly role: AppRole,
    readonly name: string,
    private readonly child: ChildProcess,
    readonly url: string | null,
  ) {
    const keep = (chunk: Buffer) => {
      // Keep the tail only: enough to explain a failure without holding every log line.
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Last lines the process wrote (stdout and stderr). */
  get log(): string {
    return this.output;
  }

  /** Starts the process; an api is returned once GET /health/ready answers 200. */
  static async start(
    role: AppRole,
    name: string,
    env: Record<string, string>,
    readyTimeoutMs = 60_000,
  ): Promise<AppProcess> {
    const port = role === 'api' ? await freePort() : null;
    const child = spawn(process.execPath, [ENTRY[role]], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(role, name, child, port ? `http://127.0.0.1:${port}` : null);
    if (app.url) {
      await app.waitForReady(readyTimeoutMs);
    }
    return app;
  }

  private async waitForReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) {
        throw new Error(`${this.name} exited with ${this.exitCode} before it was ready:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.status === 200) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output}`);
  }

  /** Waits until the process has written `text` (e.g. a log line), or fails with its output. */
  async waitForOutput(text: string | RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const found = () => (typeof text === 'string' ? this.output.includes(text) : text.test(this.output));
    while (!found()) {
      if (!this.alive) {
        throw new Error(`${this.name} exited with ${this.exitCode}:\n${this.output}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.name}: no "${text}" after ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no shutdown hooks, no graceful stop — a crashed or evicted replica. */
  async kill(): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  /** SIGTERM (graceful shutdown), then SIGKILL if it does not exit in time. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (!this.alive) {
      return;
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
