import { runWithLimits } from './keyed-concurrency.limiter';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runWithLimits', () => {
  it('runs every item once, never more than the overall and per-key limits at a time', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: i, key: i < 30 ? 'page-a' : `page-${i}` }));
    const seen: number[] = [];
    let active = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    let peakPerKey = 0;
    await runWithLimits(items, { concurrency: 8, perKey: 3, keyOf: (item) => item.key }, async (item) => {
      active++;
      perKey.set(item.key, (perKey.get(item.key) ?? 0) + 1);
      peak = Math.max(peak, active);
      peakPerKey = Math.max(peakPerKey, perKey.get(item.key)!);
      await tick(2);
      perKey.set(item.key, perKey.get(item.key)! - 1);
      active--;
      seen.push(item.id);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(items.map((i) => i.id));
    expect(peak).toBe(8);
    expect(peakPerKey).toBe(3);
  });

  it('lets other keys go ahead of a saturated key, and survives failing tasks', async () => {
    const order: string[] = [];
    const items = ['a1', 'a2', 'a3', 'b1'];
    await runWithLimits(items, { concurrency: 4, perKey: 1, keyOf: (item) => item[0] }, async (item) => {
      order.push(`start ${item}`);
      await tick(5);
      if (item === 'a1') throw new Error('retryable');
    });
    expect(order.slice(0, 2)).toEqual(['start a1', 'start b1']);
    expect(order).toHaveLength(4);
  });

  it('resolves at once for no items', async () => {
    await expect(runWithLimits([], { concurrency: 2, perKey: 1, keyOf: String }, async () => undefined)).resolves.toBeUndefined();
  });
});
