import { randomUUID } from 'node:crypto';
import { foldForSearch } from '@civic/domain';
import { evaluateSpike, MentionMatcher } from '@civic/mentions';
import { iso } from './case-rows';
import { DAY, HOUR, localMidnight } from './demo-clock';
import type { ContactRow, MentionAlertRow, MentionRow, MessageRow, WatchlistRow } from './demo-history.types';
import type { DemoWatchlistKey } from './mention-texts';
import { demoWatchlists, searchPostText } from './mention-texts';
import { drawPerson } from './people-and-places';
import type { SeededRandom } from './seeded-random';

const PUBLIC_KINDS = new Set(['post', 'comment', 'reply', 'mention']);
/** The watchlists' spike settings (the entity's defaults). */
const SPIKE_FACTOR = 3;
const SPIKE_MIN_COUNT = 10;
const BASELINE_DAYS = 7;
/** Posts found by X search per day, by watchlist (before the rhythm of the week). */
const DAILY_SEARCH_POSTS: Record<DemoWatchlistKey, [number, number]> = {
  municipality: [4, 12],
  mayor: [2, 7],
  water: [0, 3],
};

export interface MentionPlan {
  watchlists: WatchlistRow[];
  mentions: MentionRow[];
  alerts: MentionAlertRow[];
}

/**
 * The mayor's office's watchlists and what they caught: the inbox's public messages that match (as the
 * inbox scanner stores them), posts found by X search, and the water cut's morning (`spikeHours`,
 * mentions per hour from `spikeStart`); alerts are opened and closed by the spike rule hour by hour.
 */
export function generateMentions(
  random: SeededRandom,
  organizationName: string,
  start: number,
  now: number,
  messages: MessageRow[],
  contacts: Map<string, ContactRow>,
  spike: { start: number; hourly: number[] },
): MentionPlan {
  const definitions = demoWatchlists(organizationName);
  const watchlists = (Object.keys(definitions) as DemoWatchlistKey[]).map((key) => {
    const d = definitions[key];
    const row: WatchlistRow = {
      id: randomUUID(),
      name: d.name,
      terms: d.terms,
      handles: d.handles,
      hashtags: d.hashtags,
      exclusion_terms: d.exclusionTerms,
      created_at: iso(start),
    };
    return { key, row, matcher: new MentionMatcher({ ...d }) };
  });
  const mentions: MentionRow[] = [];
  for (const m of messages) {
    if (m.direction !== 'in' || !PUBLIC_KINDS.has(m.kind) || !m.text) {
      continue;
    }
    const author = contacts.get(m.contact_id);
    for (const w of watchlists) {
      const match = w.matcher.match(m.text);
      if (match.matched) {
        mentions.push({
          id: randomUUID(),
          watchlist_id: w.row.id,
          message_id: m.id,
          channel: m.channel,
          external_id: m.external_id,
          source: 'inbox',
          author_external_id: author?.channel_user_id ?? null,
          author_name: author?.name ?? null,
          author_handle: author?.handle ?? null,
          text: m.text,
          search_text: foldForSearch(m.text),
          url: null,
          matched_terms: match.terms,
          published_at: m.sent_at,
          author_followers: null,
          like_count: null,
          repost_count: null,
          reply_count: null,
          reach: null,
        });
      }
    }
  }
  const searchHit = (w: (typeof watchlists)[number], at: number) => {
    const text = searchPostText(random, w.key);
    const match = w.matcher.match(text);
    if (!match.matched) {
      return;
    }
    const person = drawPerson(random);
    const id = `19${random.digits(17)}`;
    const followers = Math.round(random.logNormal(320, 1.4));
    mentions.push({
      id: randomUUID(),
      watchlist_id: w.row.id,
      message_id: null,
      channel: 'twitter',
      external_id: id,
      source: 'twitter_search',
      author_external_id: random.digits(12),
      author_name: person.name,
      author_handle: person.handle,
      text,
      search_text: foldForSearch(text),
      url: `https://x.com/${person.handle}/status/${id}`,
      matched_terms: match.terms,
      published_at: iso(at),
      author_followers: followers,
      like_count: Math.round(random.logNormal(4, 1.2)),
      repost_count: Math.round(random.logNormal(1, 1.2)),
      reply_count: Math.round(random.logNormal(1, 1)),
      reach: followers,
    });
  };
  for (let day = localMidnight(start); day < now; day += DAY) {
    for (const w of watchlists) {
      const [min, max] = DAILY_SEARCH_POSTS[w.key];
      const count = random.int(min, max);
      for (let i = 0; i < count; i++) {
        const at = day + random.int(7 * 60, 23 * 60) * 60_000;
        if (at < now && at >= start) {
          searchHit(w, at);
        }
      }
    }
  }
  const water = watchlists.find((w) => w.key === 'water')!;
  spike.hourly.forEach((count, hour) => {
    for (let i = 0; i < count; i++) {
      searchHit(water, spike.start + hour * HOUR + random.int(0, HOUR - 1000));
    }
  });
  const alerts = watchlists.flatMap((w) =>
    spikeAlerts(
      w.row.id,
      mentions.filter((m) => m.watchlist_id === w.row.id),
      start,
      now,
    ),
  );
  return { watchlists: watchlists.map((w) => w.row), mentions, alerts };
}

/** The spike rule evaluated at every whole hour, as the worker does: an alert opens once and closes when the hour calms. */
function spikeAlerts(watchlistId: string, mentions: MentionRow[], start: number, now: number): MentionAlertRow[] {
  const hours = new Map<number, number>();
  const days = new Map<number, number>();
  for (const m of mentions) {
    const at = Date.parse(m.published_at);
    const hourKey = Math.floor(at / HOUR);
    hours.set(hourKey, (hours.get(hourKey) ?? 0) + 1);
    const dayKey = localMidnight(at);
    days.set(dayKey, (days.get(dayKey) ?? 0) + 1);
  }
  const alerts: MentionAlertRow[] = [];
  let open: MentionAlertRow | null = null;
  for (let h = Math.ceil((start + (BASELINE_DAYS + 1) * DAY) / HOUR); h * HOUR <= now; h++) {
    const lastHour = hours.get(h - 1) ?? 0;
    const today = localMidnight(h * HOUR);
    const trailing = Array.from({ length: BASELINE_DAYS }, (_, i) => days.get(today - (BASELINE_DAYS - i) * DAY) ?? 0);
    const rule = evaluateSpike({
      lastHourCount: lastHour,
      trailingDailyCounts: trailing,
      factor: SPIKE_FACTOR,
      minCount: SPIKE_MIN_COUNT,
    });
    if (rule.spike && !open) {
      open = {
        id: randomUUID(),
        watchlist_id: watchlistId,
        opened_at: iso(h * HOUR),
        closed_at: null,
        hour_count: lastHour,
        peak_count: lastHour,
        median_daily: rule.medianDaily,
        threshold: rule.threshold,
      };
      alerts.push(open);
    } else if (rule.spike && open) {
      open.peak_count = Math.max(open.peak_count, lastHour);
    } else if (open) {
      open.closed_at = iso(h * HOUR);
      open = null;
    }
  }
  return alerts;
}
