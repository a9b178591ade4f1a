/**
 * npm run bench:rules — automation rules (issue 26), two figures:
 *
 * 1. Ingest + the citizen inbound scanner with 50 switched-on rules (mixed keyword and location
 *    conditions, about 30 % of the messages firing a rule and its actions run) against the same without
 *    rules, side by side in one run: rounds alternate (off, on, off, on, …) on the same database,
 *    emptied between rounds. The api with the worker runs in this process (the scanner with every
 *    product handler, the action runner); IngestService ingests batches of 100. A round's figure is
 *    its messages over the time until the last one is ingested AND handled by the scanner (the rules
 *    run there, not in ingest), so the rules' cost is inside it; ingest alone is reported beside it.
 * 2. The dry run ("what would it have done") of a keyword + location rule over the last 10,000
 *    messages, through RuleDryRunService (what POST /api/v1/automation-rules/try calls).
 */
import 'reflect-metadata';
import { ConversationActionKind } from '@civic/automation';
import type { ConversationAction } from '@civic/automation';
import type { AutomationRuleDefinition } from '@civic/automation-rules';
import { AutomationRuleEvent, RuleConditionType, RuleDryRunService, RuleSetCache } from '@civic/automation-rules';
import type { MessageEvent } from '@civic/channels-core';
import { AttachmentType, Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { IngestService } from '@civic/ingest';
import { writeResult } from './bench-database';
import { median, secondsSince } from './bench-stats';
import { startScannerBenchApp } from './scanner-bench-app';

const EVENTS = Number(process.env.BENCH_RULES_EVENTS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_RULES_ROUNDS ?? 3);
const DRY_RUN_MESSAGES = Number(process.env.BENCH_RULES_DRY_RUN ?? 10_000);
const RULES = 50;
/** BENCH_RULES_ACTIONS=off: rules match and fire but carry no actions (the evaluation's own cost). */
const ACTIONS = process.env.BENCH_RULES_ACTIONS !== 'off';
const BATCH = 100;
const PER_CONVERSATION = 5;

/** Neighbourhoods of Bornova: the location rules' points; the messages' pins fall near some of them. */
const POINTS = Array.from({ length: 25 }, (_, i) => ({ latitude: 38.44 + i * 0.004, longitude: 27.2 + i * 0.003 }));
const TEXTS = [
  'Sokağımızdaki lamba yanmıyor',
  'Yolda büyük bir çukur var, araçlar zarar görüyor',
  'Parktaki salıncak kırılmış',
  'Çöpler iki gündür toplanmadı',
  'Su kesintisi ne zaman bitecek?',
  'Otobüs durağının camı kırık',
  'Kaldırıma araç park ediliyor',
  'Teşekkürler, ilginiz için',
  'Sokak köpekleri için ne yapılıyor?',
  'Başvurumun durumu nedir?',
];
/**
 * 25 keyword rules (only "çukur" occurs in the texts, and a burst carries it on) and 25 location rules
 * (a pin near their point in a burst that says "çukur": the tenth of messages that are such pins).
 */
const KEYWORDS = [
  ['çukur*', 'asfalt'],
  ['aydınlatma direği', 'elektrik arıza*'],
  ['konteyner*'],
  ['bank*', 'oyun alanı'],
  ['su baskını', 'kanalizasyon*'],
  ...Array.from({ length: 20 }, (_, i) => [`konu${i}*`, `başlık${i}`, `mahalle${i} sorunu`]),
];

function rules(): (AutomationRuleDefinition & { enabled: boolean })[] {
  const keywordRules = KEYWORDS.map((keywords, i) => ({
    name: `Kelime kuralı ${i + 1}`,
    event: AutomationRuleEvent.MessageReceived,
    match: 'all' as const,
    conditions: [
      { type: RuleConditionType.Channel, values: ['whatsapp'] },
      { type: RuleConditionType.Keywords, values: keywords },
    ],
    actions: [{ kind: ConversationActionKind.AddTags, tags: [`etiket-${i + 1}`] }] as ConversationAction[],
    stopHere: false,
    enabled: true,
  }));
  const locationRules = POINTS.map((point, i) => ({
    name: `Konum kuralı ${i + 1}`,
    event: AutomationRuleEvent.MessageReceived,
    match: 'all' as const,
    conditions: [
      { type: RuleConditionType.HasLocation },
      { type: RuleConditionType.Near, ...point, radiusMeters: 150 },
      { type: RuleConditionType.Keywords, values: ['çukur*', 'asfalt'] },
    ],
    actions: (i === 0
      ? [{ kind: ConversationActionKind.OpenCase, categoryKey: 'yol-cukur' }]
      : [{ kind: ConversationActionKind.AddTags, tags: [`bolge-${i + 1}`] }]) as ConversationAction[],
    stopHere: false,
    enabled: true,
  }));
  return [...keywordRules, ...locationRules].slice(0, RULES).map((r) => (ACTIONS ? r : { ...r, actions: [] }));
}

function events(round: number, accountExternalId: string, count: number): MessageEvent[] {
  const base = Date.now() - 3_600_000;
  return Array.from({ length: count }, (_, i) => {
    const citizen = `r${round}-user-${Math.floor(i / PER_CONVERSATION)}`;
    const point = POINTS[i % POINTS.length];
    // Every fifth message is a location pin: some on a rule's point, the others far from all of them.
    const pin =
      i % 5 === 4
        ? [
            {
              type: AttachmentType.Location,
              location: i % 10 === 4 ? { ...point } : { latitude: 39.9 + (i % 7) * 0.01, longitude: 32.85 },
            },
          ]
        : undefined;
    return {
      type: 'message',
      channel: Channel.WhatsApp,
      accountExternalId,
      occurredAt: new Date(base + i * 10),
      externalId: `wamid.rules-${round}-${i}`,
      direction: MessageDirection.Inbound,
      kind: MessageKind.Dm,
      text: pin ? null : `${TEXTS[i % TEXTS.length]} (${i})`,
      attachments: pin,
      contact: { externalId: citizen, name: `Vatandaş ${i}`, phone: `90555${String(i).padStart(7, '0')}` },
      thread: { kind: ConversationKind.Direct, key: `dm:${citizen}` },
      replyWindowExpiresAt: new Date(base + i * 10 + 86_400_000),
    } satisfies MessageEvent;
  });
}

async function main(): Promise<void> {
  const { app, ds, admin, account, handledAll, emptied, close } = await startScannerBenchApp(
    'rules',
    '106540352242977',
  );
  const org = admin.organizationId;
  try {
    const ingest = app.get(IngestService);
    const cache = app.get(RuleSetCache);
    for (const [i, rule] of rules().entries()) {
      await ds.query(
        `INSERT INTO automation_rule (organization_id, name, position, enabled, event, match, conditions, actions, stop_here)
         VALUES ($1, $2, $3, false, $4, $5, $6, $7, false)`,
        [org, rule.name, i + 1, rule.event, rule.match, JSON.stringify(rule.conditions), JSON.stringify(rule.actions)],
      );
    }

    const rounds: {
      mode: 'off' | 'on';
      eventsPerSecond: number;
      ingestEventsPerSecond: number;
      tailSeconds: number;
      firings?: number;
      cases?: number;
    }[] = [];
    // Round 0 warms the database and the process up and is not counted.
    for (let r = -1; r < ROUNDS * 2; r++) {
      const on = r % 2 !== 0 && r >= 0;
      await emptied(`TRUNCATE message, conversation, contact, civic_case, case_history, citizen_notice, citizen_inbound_processed,
                  automation_rule_firing, conversation_activity CASCADE`);
      await ds.query(`UPDATE automation_rule SET enabled = $2 WHERE organization_id = $1`, [org, on]);
      cache.invalidate(org);
      const all = events(r + 1, account.externalId, EVENTS);
      const start = process.hrtime.bigint();
      for (let i = 0; i < all.length; i += BATCH) {
        await ingest.ingest(all.slice(i, i + BATCH));
      }
      const ingestSeconds = secondsSince(start);
      await handledAll(EVENTS);
      const total = secondsSince(start);
      const round: (typeof rounds)[number] = {
        mode: on ? 'on' : 'off',
        eventsPerSecond: Math.round(EVENTS / total),
        ingestEventsPerSecond: Math.round(EVENTS / ingestSeconds),
        tailSeconds: +(total - ingestSeconds).toFixed(2),
      };
      if (on) {
        round.firings = (await ds.query(`SELECT count(*)::int AS n FROM automation_rule_firing`))[0].n;
        round.cases = (await ds.query(`SELECT count(*)::int AS n FROM civic_case`))[0].n;
      }
      console.log(`round ${r + 1}${r < 0 ? ' (warm-up)' : ''}: ${JSON.stringify(round)}`);
      if (r >= 0) {
        rounds.push(round);
      }
    }

    // The dry run over the last 10,000 messages (rules off while they are stored: only the dry run is timed).
    await ds.query(`UPDATE automation_rule SET enabled = false WHERE organization_id = $1`, [org]);
    cache.invalidate(org);
    await emptied(`TRUNCATE message, conversation, contact, civic_case, citizen_inbound_processed CASCADE`);
    const stored = events(99, account.externalId, DRY_RUN_MESSAGES);
    for (let i = 0; i < stored.length; i += BATCH) {
      await ingest.ingest(stored.slice(i, i + BATCH));
    }
    // The scanner has handled them before the dry run is timed: it would otherwise share the CPU with it.
    await handledAll(DRY_RUN_MESSAGES);
    const dryRun = app.get(RuleDryRunService);
    const tried = rules()[RULES / 2 + 4]; // a location rule with keywords (its point gets pins)
    const timings: number[] = [];
    let matched = 0;
    let examined = 0;
    for (let i = 0; i < 6; i++) {
      const start = process.hrtime.bigint();
      const result = await dryRun.run(org, tried, DRY_RUN_MESSAGES);
      if (i > 0) {
        timings.push(Math.round(secondsSince(start) * 1000));
      }
      ({ matched, examined } = result);
    }

    const off = median(rounds.filter((r) => r.mode === 'off').map((r) => r.eventsPerSecond));
    const on = median(rounds.filter((r) => r.mode === 'on').map((r) => r.eventsPerSecond));
    const ingestOff = median(rounds.filter((r) => r.mode === 'off').map((r) => r.ingestEventsPerSecond));
    const ingestOn = median(rounds.filter((r) => r.mode === 'on').map((r) => r.ingestEventsPerSecond));
    const result = {
      events: EVENTS,
      batchSize: BATCH,
      rules: RULES,
      rounds,
      rulesOffEventsPerSecond: off,
      rulesOnEventsPerSecond: on,
      ratio: +(on / off).toFixed(3),
      ingestOffEventsPerSecond: ingestOff,
      ingestOnEventsPerSecond: ingestOn,
      ingestOnlyRatio: +(ingestOn / ingestOff).toFixed(3),
      dryRun: { messages: examined, matched, msMedian: median(timings), msMax: Math.max(...timings) },
      targets: { ratio: 0.8, dryRunMs: 2000 },
    };
    console.log(`\nIngest + inbound scanner with ${RULES} rules off and on (batches of 100, PostgreSQL server)`);
    console.table([
      { measure: 'ingest + scanner, no rules', 'events/s (median)': off, ratio: 1 },
      { measure: `ingest + scanner, ${RULES} rules`, 'events/s (median)': on, ratio: result.ratio },
    ]);
    console.log(
      `ingest alone: ${ingestOff} → ${ingestOn} events/s (${result.ingestOnlyRatio}); dry run over ${examined} messages: ${result.dryRun.msMedian} ms median, ${result.dryRun.msMax} ms max (${matched} matches)`,
    );
    console.log(`written: ${writeResult('rules', result)}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
