import { performance } from 'node:perf_hooks';
import { User, UserRole } from '@civic/domain';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

jest.setTimeout(180_000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('Sign-in timing does not tell known e-mails from unknown ones (issue 21, defect 6)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 1000 } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an unknown or disabled e-mail takes about as long as a known one with a wrong password', async () => {
    const tries = 5;
    // One address per try: the per-address lockout (5 failures) must not answer 429 instead.
    const known = await Promise.all(Array.from({ length: tries }, () => t.createUser([UserRole.Officer])));
    const disabled = await Promise.all(Array.from({ length: tries }, () => t.createUser([UserRole.Officer])));
    await t.dataSource.getRepository(User).update(
      disabled.map((d) => d.user.id),
      { active: false },
    );
    const timed = async (email: string) => {
      const started = performance.now();
      await t.http().post('/api/v1/auth/login').send({ email, password: 'Yanlış-Parola-42' }).expect(401);
      return performance.now() - started;
    };
    // Warm-up: first requests pay for connections and lazy set-up on both paths.
    await timed('isinma@test.belediye.tr');
    await timed(known[0].user.email);

    const times = { known: [] as number[], unknown: [] as number[], disabled: [] as number[] };
    for (let i = 0; i < tries; i += 1) {
      times.known.push(await timed(known[i].user.email));
      times.unknown.push(await timed(`kimse-${i}@test.belediye.tr`));
      times.disabled.push(await timed(disabled[i].user.email));
    }
    const medians = { known: median(times.known), unknown: median(times.unknown), disabled: median(times.disabled) };
    console.log(`login timing medians (ms): ${JSON.stringify(medians)}`);
    expect(medians.unknown).toBeGreaterThanOrEqual(medians.known * 0.5);
    expect(medians.disabled).toBeGreaterThanOrEqual(medians.known * 0.5);
  });
});
