import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process CPU time in clock ticks; 100 per second on every common kernel build. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which sits in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Pids of every process named `name` (e.g. all PostgreSQL backends and its background processes). */
function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) {
        pids.push(Number(entry));
      }
    } catch {
      // Exited meanwhile.
    }
  }
  return pids;
}

export interface CpuShares {
  /** CPU used over the window, in % of one core (a 2-core machine has 200 % in all). */
  api: number;
  postgres: number;
  /** The bench process itself: the load generator (autocannon, request bodies, signatures). */
  loadGenerator: number;
}

/**
 * Who used the machine during a load window: the api process(es), the PostgreSQL server (every
 * `postgres` process; a backend that exits inside the window takes its share with it) and the load
 * generator. Tells a figure bound by the machine from one bound by the code under test.
 */
export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly start: { api: number; postgres: Map<number, number>; loadGenerator: number };

  constructor(private readonly apiPids: number[]) {
    this.start = this.read();
  }

  stop(): CpuShares {
    const end = this.read();
    const seconds = (performance.now() - this.startedAt) / 1000;
    let postgres = 0;
    for (const [pid, cpu] of end.postgres) {
      postgres += cpu - (this.start.postgres.get(pid) ?? 0);
    }
    const percent = (cpu: number) => Math.round((cpu / seconds) * 100);
    return {
      api: percent(end.api - this.start.api),
      postgres: percent(postgres),
      loadGenerator: percent(end.loadGenerator - this.start.loadGenerator),
    };
  }

  private read() {
    const usage = process.cpuUsage();
    return {
      api: this.apiPids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
      postgres: new Map(pidsNamed('postgres').map((pid) => [pid, processCpuSeconds(pid)])),
      loadGenerator: (usage.user + usage.system) / 1e6,
    };
  }
}
