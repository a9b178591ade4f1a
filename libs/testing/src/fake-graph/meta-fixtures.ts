import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** The shared real-payload fixtures: CIVIC_FIXTURES_DIR, else the repository's test/fixtures/channels, else ../shared/fixtures/channels. */
export function channelFixturesDir(): string {
  const candidates = [
    process.env.CIVIC_FIXTURES_DIR,
    join(REPO_ROOT, 'test/fixtures/channels'),
    join(REPO_ROOT, '../shared/fixtures/channels'),
  ];
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'whatsapp')));
  if (!found) {
    throw new Error(`Channel fixtures not found (looked in ${candidates.filter(Boolean).join(', ')})`);
  }
  return found;
}

export function readChannelFixtureRaw(channel: string, name: string): string {
  return readFileSync(join(channelFixturesDir(), channel, name.endsWith('.json') ? name : `${name}.json`), 'utf8');
}

export function loadChannelFixture<T = any>(channel: string, name: string): T {
  return JSON.parse(readChannelFixtureRaw(channel, name)) as T;
}

/** Wraps a bare feed `value` (older fixtures give only that) in the page webhook envelope. */
export function pageFeedEnvelope(pageId: string, value: unknown, time = 1489998700) {
  return { object: 'page', entry: [{ id: pageId, time, changes: [{ field: 'feed', value }] }] };
}

/** Wraps one `messaging[]` element (deliveries/reads fixtures give only that) in its envelope. */
export function messagingEnvelope(
  object: 'page' | 'instagram',
  accountId: string,
  event: unknown,
  time = 1458668856500,
) {
  return { object, entry: [{ id: accountId, time, messaging: [event] }] };
}
