import type { NeighbourhoodLookupService } from '@civic/cases';
import { foldForSearch } from '@civic/domain';
import type { OfficeCalendar } from '@civic/office-hours';
import { AutomationRuleEvent } from '../automation-rule-event';
import { ConditionEvaluatorRegistry } from '../conditions/condition-evaluator.registry';
import { RuleCompiler } from '../rule-compiler';
import type { RuleCondition } from '../rule-condition';
import { RuleConditionType as C } from '../rule-condition';
import { mentionSubject } from './mention-subject.loader';
import type { MentionSubjectRow } from './mention-subject.loader';

const calendar = { isOpen: async (_org: string, at: Date) => at.getUTCHours() >= 6 && at.getUTCHours() < 15 };
/** Neighbourhood rules are tested end to end on uploaded boundaries (test/automation/automation-rule-neighbourhood). */
const noNeighbourhoods = { find: async () => null } as unknown as NeighbourhoodLookupService;
const compiler = new RuleCompiler(
  new ConditionEvaluatorRegistry(calendar as unknown as OfficeCalendar, noNeighbourhoods),
);
const WATCHLIST = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const row = (text: string, extra: Partial<MentionSubjectRow> = {}): MentionSubjectRow => ({
  id: 'mention',
  organization_id: 'org',
  watchlist_id: WATCHLIST,
  watchlist_name: 'Başkan',
  channel: 'twitter',
  author_handle: 'ayseyilmaz',
  author_name: 'Ayşe Yılmaz',
  url: 'https://x.com/ayseyilmaz/status/1',
  text,
  search_text: foldForSearch(text),
  reach: 1200,
  published_at: new Date('2026-12-07T08:00:00Z'),
  conversation_id: null,
  channel_account_id: null,
  language: null,
  ...extra,
});

const matches = (conditions: RuleCondition[], r: MentionSubjectRow) =>
  compiler
    .compile('r', {
      name: 'r',
      event: AutomationRuleEvent.MentionMatched,
      match: 'all',
      conditions,
      actions: [],
      stopHere: false,
    })
    .matches(mentionSubject(r));

describe('mention rule subjects', () => {
  it('reads the watchlist, Turkish-folded keywords on word boundaries, channel, reach and office hours', async () => {
    const r = row('Büyükkılıç bey, Gesi yolundaki ÇUKURLAR ne zaman kapanacak?');
    expect(await matches([{ type: C.Watchlist, values: [WATCHLIST] }], r)).toBe(true);
    expect(await matches([{ type: C.Watchlist, values: [OTHER] }], r)).toBe(false);
    expect(await matches([{ type: C.Keywords, values: ['cukur*'] }], r)).toBe(true);
    // Word boundaries: "kapan" is not a word of the post, only the start of one.
    expect(await matches([{ type: C.Keywords, values: ['kapan'] }], r)).toBe(false);
    expect(await matches([{ type: C.Channel, values: ['twitter'] }], r)).toBe(true);
    expect(await matches([{ type: C.MinReach, values: ['1000'] }], r)).toBe(true);
    expect(await matches([{ type: C.MinReach, values: ['5000'] }], r)).toBe(false);
    expect(await matches([{ type: C.MinReach, values: ['1'] }], row('x', { reach: null }))).toBe(false);
    expect(await matches([{ type: C.WithinOfficeHours }], r)).toBe(true);
    expect(
      await matches([{ type: C.OutsideOfficeHours }], row('x', { published_at: new Date('2026-12-07T20:00:00Z') })),
    ).toBe(true);
    expect(await matches([{ type: C.Language, values: ['tr'] }], r)).toBe(false);
    expect(await matches([{ type: C.Language, values: ['tr'] }], row('x', { language: 'tr' }))).toBe(true);
  });

  it('offers only the mention conditions and notify_team, naming the field of the others', () => {
    const problems = compiler.problems({
      event: AutomationRuleEvent.MentionMatched,
      conditions: [{ type: C.HasLocation }, { type: C.MinReach, values: ['10', '20'] }],
      actions: [{ kind: 'open_case' as never, categoryKey: 'yol-cukur' } as never],
    });
    expect(problems).toEqual([
      'conditions.1.values must name exactly one number',
      'conditions.0.type has_location is not available for the event mention_matched',
      'actions.0.kind open_case is not available for the event mention_matched',
    ]);
  });
});
