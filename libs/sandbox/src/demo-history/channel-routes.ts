import { foldForSearch } from '@civic/domain';
import { iso } from './case-rows';
import { DAY } from './demo-clock';
import type { ContactRow, DemoCatalog, DemoDesk } from './demo-history.types';
import type { DemoPerson } from './people-and-places';
import type { SeededRandom } from './seeded-random';

type Account = DemoCatalog['accounts'][number];

/** How a citizen reaches an account: a private message, a comment under a post, or a public @mention. */
export type RouteMode = 'dm' | 'comment' | 'mention';

export interface Route {
  account: Account;
  mode: RouteMode;
  desk: DemoDesk;
}

/** Shares of the conversations by channel, account and mode (WhatsApp leads, as in the design notes). */
const SHARES: { channel: string; desk: DemoDesk; mode: RouteMode; weight: number }[] = [
  { channel: 'whatsapp', desk: 'municipality', mode: 'dm', weight: 34 },
  { channel: 'facebook', desk: 'municipality', mode: 'dm', weight: 10 },
  { channel: 'facebook', desk: 'municipality', mode: 'comment', weight: 12 },
  { channel: 'facebook', desk: 'mayor', mode: 'dm', weight: 8 },
  { channel: 'facebook', desk: 'mayor', mode: 'comment', weight: 5 },
  { channel: 'instagram', desk: 'municipality', mode: 'comment', weight: 8 },
  { channel: 'instagram', desk: 'municipality', mode: 'dm', weight: 6 },
  { channel: 'twitter', desk: 'municipality', mode: 'mention', weight: 15 },
];

/** The routes the organization's sandbox accounts offer, with their weights. */
export function availableRoutes(catalog: DemoCatalog): { routes: Route[]; weights: Record<string, number> } {
  const routes: Route[] = [];
  const weights: Record<string, number> = {};
  for (const share of SHARES) {
    const account = catalog.accounts.find((a) => a.channel === share.channel && a.desk === share.desk);
    if (account) {
      weights[String(routes.length)] = share.weight;
      routes.push({ account, mode: share.mode, desk: share.desk });
    }
  }
  return { routes, weights };
}

/** How each channel names a citizen and its messages (ids kept apart from the live sandbox's). */
interface ChannelStyle {
  userId(random: SeededRandom, person: DemoPerson): string;
  name(random: SeededRandom, person: DemoPerson): string | null;
  handle: boolean;
  phone: boolean;
  messageId(random: SeededRandom, mode: RouteMode, postId: string | null): string;
}

const STYLES: Record<string, ChannelStyle> = {
  whatsapp: {
    userId: (_r, person) => person.phone,
    // WhatsApp shows the profile name people chose, often the first name only.
    name: (random, person) => (random.chance(0.3) ? person.first : person.name),
    handle: false,
    phone: true,
    messageId: (random) => `wamid.HIST${random.digits(24)}`,
  },
  facebook: {
    userId: (random) => random.digits(16),
    name: (_r, person) => person.name,
    handle: false,
    phone: false,
    messageId: (random, mode, postId) =>
      mode === 'comment' && postId ? `${postId.split('_')[1]}_${random.digits(15)}` : `m_HIST${random.digits(20)}`,
  },
  instagram: {
    userId: (random) => random.digits(17),
    // Instagram names a commenter by username only.
    name: () => null,
    handle: true,
    phone: false,
    messageId: (random, mode) => (mode === 'comment' ? `1789${random.digits(13)}` : `m_HIST${random.digits(20)}`),
  },
  twitter: {
    userId: (random) => random.digits(random.int(9, 19)),
    name: (_r, person) => person.name,
    handle: true,
    phone: false,
    messageId: (random) => `18${random.digits(17)}`,
  },
};

/** The citizen as the channel names them. */
export function contactFor(random: SeededRandom, route: Route, person: DemoPerson, at: number, id: string): ContactRow {
  const style = STYLES[route.account.channel];
  const name = style.name(random, person);
  const handle = style.handle ? person.handle : null;
  const phone = style.phone ? person.phone : null;
  return {
    id,
    channel_account_id: route.account.id,
    channel: route.account.channel,
    channel_user_id: style.userId(random, person),
    name,
    handle,
    phone,
    search_text: foldForSearch([name, handle, phone].filter(Boolean).join(' ')),
    created_at: iso(at),
    last_seen_at: iso(at),
  };
}

/** The account's posts people comment under: a new one every day or two, comments go to the last few. */
export class PostPool {
  private readonly posts = new Map<string, { id: string; at: number }[]>();

  constructor(private readonly random: SeededRandom) {}

  postFor(account: Account, at: number): string {
    const list = this.posts.get(account.id) ?? [];
    const recent = list.filter((p) => p.at <= at && p.at > at - 4 * DAY);
    if (recent.length === 0 || this.random.chance(0.04)) {
      const id =
        account.channel === 'instagram'
          ? `1790${this.random.digits(13)}`
          : `${account.externalId}_${this.random.digits(15)}`;
      list.push({ id, at: at - this.random.int(10, 600) * 60_000 });
      this.posts.set(account.id, list.slice(-20));
      return id;
    }
    return this.random.pick(recent).id;
  }
}

/** A channel id for a new message on the route. */
export function messageExternalId(random: SeededRandom, route: Route, postId: string | null): string {
  return STYLES[route.account.channel].messageId(random, route.mode, postId);
}
