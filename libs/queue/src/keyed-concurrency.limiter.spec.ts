import { KeyedConcurrencyLimiter } from './keyed-concurrency.limiter';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedConcurrencyLimiter', () => {
  it('runs every task once, never more than the overall and per-key limits at a time', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: i, key: i < 30 ? 'page-a' : `page-${i}` }));
    const limiter = new KeyedConcurrencyLimiter(8, 3);
    const seen: number[] = [];
    let active = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    let peakPerKey = 0;
    await Promise.all(
      items.map((item) =>
        limiter.run(item.key, async () => {
          active++;
          perKey.set(item.key, (perKey.get(item.key) ?? 0) + 1);
          peak = Math.max(peak, active);
          peakPerKey = Math.max(peakPerKey, perKey.get(item.key)!);
          await tick(2);
          perKey.set(item.key, perKey.get(item.key)! - 1);
          active--;
          seen.push(item.id);
        }),
      ),
    );
    expect(seen.sort((a, b) => a - b)).toEqual(items.map((i) => i.id));
    expect(peak).toBe(8);
    expect(peakPerKey).toBe(3);
    expect(limiter.size).toBe(0);
  });

  it('lets other keys go ahead of a saturated key; a failing task rejects alone and frees its slot', async () => {
    const limiter = new KeyedConcurrencyLimiter(4, 1);
    const order: string[] = [];
    const run = (item: string) =>
      limiter.run(item[0], async () => {
        order.push(`start ${item}`);
        await tick(5);
        if (item === 'a1') {
          throw new Error('retryable');
        }
        return item;
      });
    const results = await Promise.allSettled(['a1', 'a2', 'a3', 'b1'].map(run));
    expect(order.slice(0, 2)).toEqual(['start a1', 'start b1']);
    expect(order).toHaveLength(4);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('takes tasks added while others run under the same limits (a worker refilling mid-batch)', async () => {
    const limiter = new KeyedConcurrencyLimiter(3, 2);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(5);
      active--;
    };
    const first = [limiter.run('a', task), limiter.run('a', task), limiter.run('b', task)];
    expect(limiter.size).toBe(3);
    await tick(1);
    const later = [limiter.run('a', task), limiter.run('c', task)];
    expect(limiter.size).toBe(5);
    await Promise.all([...first, ...later]);
    expect(peak).toBe(3);
    expect(limiter.size).toBe(0);
  });
});
