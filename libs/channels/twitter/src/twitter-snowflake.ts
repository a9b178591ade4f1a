/** X ids are 64-bit snowflakes: compare them as integers, never as strings or JS numbers. */
const TWITTER_EPOCH_MS = 1288834974657n;

export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `id` is newer than `cursor` (or there is no cursor yet). */
export function isNewerThan(id: string, cursor: string | null | undefined): boolean {
  return !cursor || compareSnowflakes(id, cursor) > 0;
}

export function newestSnowflake(ids: Iterable<string>): string | null {
  let newest: string | null = null;
  for (const id of ids) {
    if (newest === null || compareSnowflakes(id, newest) > 0) {
      newest = id;
    }
  }
  return newest;
}

/** The creation time encoded in a snowflake id; used when X did not return `created_at`. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS));
}
