/**
 * Durations kept as histograms in fixed log-scale buckets (`inbox_stats_bucket` in migration
 * 1796630000000): bucket 0 holds [0, 1) s, bucket b ≥ 1 holds [1.01^(b-1), 1.01^b) s. Counts are
 * exact; a percentile is exact in rank and approximate in value only within its bucket.
 */
export const BUCKET_RATIO = 1.01;

/**
 * A bucket's value is its geometric middle, within this fraction of any duration in it
 * (√1.01 − 1 ≈ 0.4988 %); bucket 0 is 0.5 s, within half a second.
 */
export const BUCKET_RELATIVE_ERROR = Math.sqrt(BUCKET_RATIO) - 1;

/**
 * Bound on |reported − exact| of a median or p90 in whole seconds, where exact is PostgreSQL's
 * percentile_cont over the same conversations: the bucket error (interpolation between two ranks
 * keeps it), half a second for bucket 0, and one second for rounding both to whole seconds.
 */
export function percentileErrorBound(exactSeconds: number): number {
  return BUCKET_RELATIVE_ERROR * exactSeconds + 1.5;
}

export function bucketSeconds(bucket: number): number {
  return bucket === 0 ? 0.5 : Math.pow(BUCKET_RATIO, bucket - 0.5);
}

/** Bucket → count, summed over rollup rows. */
export type Histogram = Map<number, number>;

export function addBuckets(target: Histogram, buckets: Record<string, number>): void {
  for (const key of Object.keys(buckets)) {
    const bucket = Number(key);
    target.set(bucket, (target.get(bucket) ?? 0) + buckets[key]);
  }
}

export interface HistogramFigures {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Count, median and p90 as percentile_cont defines them (linear between the two nearest ranks), rounded. */
export function histogramFigures(histogram: Histogram): HistogramFigures {
  const sorted = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) {
    return { count, medianSeconds: null, p90Seconds: null };
  }
  // The value at a 0-based rank: the bucket whose cumulative count passes it.
  const at = (rank: number) => {
    let seen = 0;
    for (const [bucket, n] of sorted) {
      seen += n;
      if (rank < seen) {
        return bucketSeconds(bucket);
      }
    }
    return bucketSeconds(sorted[sorted.length - 1][0]);
  };
  const percentile = (p: number) => {
    const position = p * (count - 1);
    const low = Math.floor(position);
    const lowValue = at(low);
    return Math.round(lowValue + (position - low) * (at(Math.ceil(position)) - lowValue));
  };
  return { count, medianSeconds: percentile(0.5), p90Seconds: percentile(0.9) };
}
