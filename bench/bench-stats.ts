/** Nearest-rank percentile of ascending-sorted samples, in the samples' unit, rounded to 0.01. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return Math.round(value * 100) / 100;
}
