import { evaluateSpike, median } from './spike-rule';

describe('spike rule', () => {
  it('computes medians', () => {
    expect(median([])).toBe(0);
    expect(median([5])).toBe(5);
    expect(median([240, 0, 480, 240, 7200, 240, 240])).toBe(240);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  // Seven normal days of 240 mentions (10 an hour): k = 3 puts the threshold at 30 an hour.
  const week = [240, 240, 240, 240, 240, 240, 240];

  it('fires above k × the hourly rate of the median day', () => {
    expect(evaluateSpike({ lastHourCount: 31, trailingDailyCounts: week, factor: 3, minCount: 10 })).toEqual({
      spike: true,
      medianDaily: 240,
      threshold: 30,
    });
  });

  it('does not fire at or below the threshold', () => {
    expect(evaluateSpike({ lastHourCount: 30, trailingDailyCounts: week, factor: 3, minCount: 10 }).spike).toBe(false);
    expect(evaluateSpike({ lastHourCount: 12, trailingDailyCounts: week, factor: 3, minCount: 10 }).spike).toBe(false);
  });

  it('needs the minimum count when the baseline is tiny', () => {
    const quiet = [24, 0, 0, 24, 0, 24, 24]; // median 24 → 1 an hour → threshold 3
    expect(evaluateSpike({ lastHourCount: 9, trailingDailyCounts: quiet, factor: 3, minCount: 10 }).spike).toBe(false);
    expect(evaluateSpike({ lastHourCount: 10, trailingDailyCounts: quiet, factor: 3, minCount: 10 }).spike).toBe(true);
    expect(evaluateSpike({ lastHourCount: 10, trailingDailyCounts: [], factor: 3, minCount: 10 })).toEqual({
      spike: true,
      medianDaily: 0,
      threshold: 0,
    });
  });

  it('is not moved by one earlier spike day (median, not mean)', () => {
    expect(
      evaluateSpike({
        lastHourCount: 31,
        trailingDailyCounts: [240, 240, 240, 7200, 240, 240, 240],
        factor: 3,
        minCount: 10,
      }).spike,
    ).toBe(true);
  });

  it('uses the per-watchlist factor', () => {
    expect(evaluateSpike({ lastHourCount: 31, trailingDailyCounts: week, factor: 5, minCount: 10 })).toEqual({
      spike: false,
      medianDaily: 240,
      threshold: 50,
    });
  });
});
