import type { AuditEntry } from '@civic/audit';
import { withTextFingerprints } from '@civic/audit';
import type { EffectiveNoticeSettings } from '@civic/citizen-loop';
import { CasePlanner } from './case.planner';
import { availableRoutes } from './channel-routes';
import type { StoredPhoto } from './conversation-parts';
import { ConversationGenerator } from './conversation.generator';
import { DAY, drawTimeOfDay, HOUR, localMidnight, weekdayWeight } from './demo-clock';
import type { DemoCatalog, DemoHistory } from './demo-history.types';
import { generateMentions } from './mention.generator';
import { defaultNoticeSettings } from './notice-settings';
import { NoticePlanner } from './notice.planner';
import { SeededRandom } from './seeded-random';

export interface DemoHistoryOptions {
  /** The fixed seed: the same seed draws the same history (ids and the clock aside). */
  seed?: number;
  days?: number;
  /** Conversations on an ordinary weekday. */
  perDay?: number;
  now?: Date;
  /** The organization's automatic messages (texts, switches); the product's defaults when not given. */
  notices?: EffectiveNoticeSettings;
}

export const DEMO_HISTORY_SEED = 20_261_206;

/** Mentions per hour of the water cut's morning, a few days ago: the spike. */
const SPIKE_HOURLY = [5, 16, 31, 22, 9];
const SPIKE_NEIGHBOURHOOD = 'Yeşiltepe';
const WATER_CUT_TEXTS = [
  'Yeşiltepe Mah. sabahtan beri su kesintisi var, ne zaman gelecek?',
  'Sular kesik, haber verilmedi. Yeşiltepe Mahallesi',
  "Yeşiltepe'de su kesintisi ne zaman bitecek? Bebek var evde.",
  'yesiltepe mah su kesintisi 5 saattir devam ediyor!!',
  'Su kesintisi hakkında bilgi alabilir miyim, Yeşiltepe Mah. Lale Sokak',
];

/**
 * A believable municipality's last `days` days, drawn from templates and a seeded generator: citizens'
 * conversations on every sandbox account with the week's rhythm, the cases they became and how each
 * ended, the mayor's office's watchlists with their mentions and one spike, and the audit entries
 * of the case actions. Nothing is written here.
 */
export async function generateDemoHistory(
  catalog: DemoCatalog,
  photos: StoredPhoto[],
  options: DemoHistoryOptions = {},
): Promise<DemoHistory> {
  const random = new SeededRandom(options.seed ?? DEMO_HISTORY_SEED);
  const now = (options.now ?? new Date()).getTime();
  const days = options.days ?? 90;
  const perDay = options.perDay ?? 46;
  const start = now - days * DAY;
  const planner = new CasePlanner(random, catalog, now);
  // Its own stream: the automatic messages do not redraw the rest of the history.
  const loop = new NoticePlanner(
    new SeededRandom((options.seed ?? DEMO_HISTORY_SEED) + 1),
    now,
    options.notices ?? defaultNoticeSettings(),
    planner.history,
  );
  const conversations = new ConversationGenerator(random, catalog, now, planner, photos, loop);
  const { routes, weights } = availableRoutes(catalog);
  if (routes.length === 0) {
    throw new Error('The demo history needs the sandbox accounts');
  }
  const spikeStart = localMidnight(now - 3 * DAY) + 8 * HOUR;
  let spikeDone = false;
  for (let day = localMidnight(start); day < now; day += DAY) {
    // Slowly busier towards today (more people know the line), with day-to-day noise.
    const trend = 0.8 + (0.35 * (day - start)) / (now - start);
    const count = Math.round(perDay * weekdayWeight(day) * trend * (0.85 + random.next() * 0.3));
    const times = Array.from({ length: count }, () => drawTimeOfDay(random, day)).sort((a, b) => a - b);
    for (const at of times) {
      if (!spikeDone && at >= spikeStart) {
        waterCutMorning(random, catalog, conversations, routes, spikeStart, now);
        spikeDone = true;
      }
      if (at >= start && at < now) {
        conversations.generate(routes[Number(random.weighted(weights))], at);
      }
    }
    // A day at a time: the api in the same process keeps answering while the history is drawn.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const contacts = new Map(conversations.contacts.map((c) => [c.id, c]));
  const mentions = generateMentions(random, catalog.organizationName, start, now, conversations.messages, contacts, {
    start: spikeStart,
    hourly: spikeStart + SPIKE_HOURLY.length * HOUR <= now ? SPIKE_HOURLY : [],
  });
  return {
    contacts: conversations.contacts,
    conversations: conversations.conversations,
    messages: conversations.messages,
    activities: conversations.activities,
    cases: planner.cases,
    caseHistory: planner.history,
    forwards: planner.forwards,
    loop: { ...loop.loop, messages: conversations.noticeMessages },
    ...mentions,
    audit: auditEntries(catalog, planner),
  };
}
/** The morning of the water cut: many neighbours of one neighbourhood write at once. */
function waterCutMorning(
  random: SeededRandom,
  catalog: DemoCatalog,
  conversations: ConversationGenerator,
  routes: ReturnType<typeof availableRoutes>['routes'],
  spikeStart: number,
  now: number,
): void {
  const water =
    catalog.categories.find((c) => c.code === 'su-arizasi') ?? catalog.categories.find((c) => /su/i.test(c.name));
  const channels = routes.filter((r) => r.desk === 'municipality' && (r.mode === 'dm' || r.mode === 'mention'));
  for (let i = 0; i < 16 && water && channels.length > 0; i++) {
    const at = spikeStart + random.int(0, SPIKE_HOURLY.length * 60 - 1) * 60_000;
    if (at < now) {
      const route = random.pick(channels);
      const text = random.pick(WATER_CUT_TEXTS);
      conversations.generate(route, at, {
        category: water,
        neighbourhood: SPIKE_NEIGHBOURHOOD,
        text: route.mode === 'mention' ? `@${route.account.handle ?? 'OrnekBelediye'} ${text} #sukesintisi` : text,
      });
    }
  }
}

/** The case actions as the audit trail records them (conversation changes stay in their own history). */
function auditEntries(catalog: DemoCatalog, planner: CasePlanner): AuditEntry[] {
  const organizationId = catalog.organizationId;
  const entries: AuditEntry[] = planner.history.map((h) => ({
    organizationId,
    actorUserId: h.actor_user_id,
    actorLabel: h.actor_label,
    action: `case.${h.action}`,
    targetType: 'case',
    targetId: h.case_id,
    // As CaseHistoryRecorder writes them: personal texts as fingerprints only.
    before: withTextFingerprints(h.before),
    after: withTextFingerprints(h.note ? { ...(h.after ?? {}), note: h.note } : h.after),
    occurredAt: new Date(h.occurred_at),
  }));
  return entries.sort((x, y) => x.occurredAt!.getTime() - y.occurredAt!.getTime());
}
