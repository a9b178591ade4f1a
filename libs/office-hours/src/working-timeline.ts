/** Open instants [start, end) in ms since the epoch. */
export type OpenInterval = [number, number];

const HOUR_MS = 3_600_000;

/** Open intervals with running totals: working time between two instants by two binary searches. */
export class WorkingTimeline {
  private readonly before: number[] = [];

  constructor(private readonly intervals: OpenInterval[]) {
    let sum = 0;
    for (const [s, e] of intervals) {
      this.before.push(sum);
      sum += e - s;
    }
  }

  /** Open ms from the timeline's start to `t`. */
  private cumulative(t: number): number {
    let lo = 0;
    let hi = this.intervals.length;
    // First interval that starts after t.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.intervals[mid][0] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo === 0) {
      return 0;
    }
    const [s, e] = this.intervals[lo - 1];
    return this.before[lo - 1] + Math.min(t, e) - s;
  }

  hoursBetween(from: Date, to: Date): number {
    const ms = this.cumulative(to.getTime()) - this.cumulative(from.getTime());
    return ms > 0 ? ms / HOUR_MS : 0;
  }
}
