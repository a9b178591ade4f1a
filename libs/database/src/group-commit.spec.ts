import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('commits one at a time: what arrives during a commit goes into the next one, up to maxItems', async () => {
    const commits: number[][] = [];
    let release!: () => void;
    const group = new GroupCommit<number>({
      maxItems: 3,
      commit: async (items) => {
        commits.push(items);
        if (commits.length === 1) {
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
    });
    const done = [group.add(1)];
    await tick();
    for (const n of [2, 3, 4, 5]) {
      done.push(group.add(n));
    }
    release();
    await Promise.all(done);
    expect(commits).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('with lingerMs, waits that long before a commit that is not full, so items arriving meanwhile share it; filling it ends the wait', async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number>({
      maxItems: 3,
      lingerMs: 30,
      commit: async (items) => void commits.push(items),
    });
    const first = group.add(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(commits).toEqual([]);
    const second = group.add(2);
    await Promise.all([first, second]);
    expect(commits).toEqual([[1, 2]]);

    const full = [3, 4, 5].map((n) => group.add(n));
    await tick();
    expect(commits).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    await Promise.all(full);
  });

  it('commits only items of one key together, oldest key first', async () => {
    const commits: string[][] = [];
    let release!: () => void;
    const group = new GroupCommit<string>({
      maxItems: 10,
      keyOf: (item) => item[0],
      commit: async (items) => {
        commits.push(items);
        if (commits.length === 1) {
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
    });
    const done = [group.add('a0')];
    await tick();
    for (const item of ['b1', 'a2', 'b3', 'a4']) {
      done.push(group.add(item));
    }
    release();
    await Promise.all(done);
    expect(commits).toEqual([['a0'], ['b1', 'b3'], ['a2', 'a4']]);
  });

  it('retries a failed merged commit item by item: only the bad item is rejected, with its own error', async () => {
    const commits: string[][] = [];
    const merged: number[] = [];
    let after = 0;
    let release!: () => void;
    const group = new GroupCommit<string>({
      maxItems: 10,
      commit: async (items) => {
        commits.push(items);
        if (commits.length === 1) {
          await new Promise<void>((resolve) => (release = resolve));
        }
        if (items.includes('bozuk')) {
          throw new Error(`refused ${items.join('+')}`);
        }
      },
      onMergedFailure: (count) => merged.push(count),
      afterCommit: () => after++,
    });
    const first = group.add('ilk');
    await tick();
    const rest = ['iyi', 'bozuk', 'son'].map((item) => group.add(item));
    release();
    const outcomes = await Promise.allSettled([first, ...rest]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe('refused bozuk');
    expect(commits).toEqual([['ilk'], ['iyi', 'bozuk', 'son'], ['iyi'], ['bozuk'], ['son']]);
    expect(merged).toEqual([3]);
    expect(after).toBe(2);
  });

  it('rejects a single item whose commit fails, and runs no after-commit hook for it', async () => {
    let after = 0;
    const group = new GroupCommit<string>({
      maxItems: 5,
      commit: async () => {
        throw new Error('disk full');
      },
      afterCommit: () => after++,
    });
    await expect(group.add('tek')).rejects.toThrow('disk full');
    expect(after).toBe(0);
  });
});
