export interface SpikeRuleInput {
  /** Mentions in the last hour. */
  lastHourCount: number;
  /** Mention counts of the trailing full days (zero days included). */
  trailingDailyCounts: number[];
  /** k: how many times the usual hourly volume counts as a spike. */
  factor: number;
  /** A spike needs at least this many mentions in the hour, whatever the baseline. */
  minCount: number;
}

export interface SpikeRuleResult {
  spike: boolean;
  medianDaily: number;
  /** The hourly count must exceed this (and reach minCount). */
  threshold: number;
}

/** Median of a list (0 for an empty list). */
export function median(values: number[]): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The spike rule: the last hour is a spike when it holds more than k × the hourly rate of a median day
 * (median of the trailing daily counts / 24) and at least minCount mentions. Comparing an hour with a
 * whole day's median would never fire; the median (not the mean) keeps one earlier spike day from
 * raising the baseline.
 */
export function evaluateSpike(input: SpikeRuleInput): SpikeRuleResult {
  const medianDaily = median(input.trailingDailyCounts);
  const threshold = (input.factor * medianDaily) / 24;
  return { spike: input.lastHourCount > threshold && input.lastHourCount >= input.minCount, medianDaily, threshold };
}
