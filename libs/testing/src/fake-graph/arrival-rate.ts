/** Most of the given arrival times (ms) in any one-second window [t, t + 1 s): what a per-second rate limit sees. */
export function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) {
      j++;
    }
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}
