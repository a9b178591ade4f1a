import type { NeighbourhoodLookupService } from '@civic/cases';
import type { OfficeCalendar } from '@civic/office-hours';
import { AutomationRuleEvent } from './automation-rule-event';
import { ConditionEvaluatorRegistry } from './conditions/condition-evaluator.registry';
import { distanceMeters } from './conditions/near.evaluator';
import { RuleCompiler } from './rule-compiler';
import type { RuleCondition } from './rule-condition';
import { RuleConditionType as C } from './rule-condition';
import { buildSubject } from './rule-subject.builder';

const calendar = { isOpen: async (_org: string, at: Date) => at.getUTCHours() >= 6 && at.getUTCHours() < 15 };
/** Neighbourhood rules are tested end to end on uploaded boundaries (test/automation/automation-rule-neighbourhood). */
const noNeighbourhoods = { find: async () => null } as unknown as NeighbourhoodLookupService;
const compiler = new RuleCompiler(
  new ConditionEvaluatorRegistry(calendar as unknown as OfficeCalendar, noNeighbourhoods),
);

const subject = (texts: string[], extra: { location?: boolean; photo?: boolean; at?: string } = {}) =>
  buildSubject(
    {
      organizationId: 'org',
      event: AutomationRuleEvent.MessageReceived,
      occurredAt: new Date(extra.at ?? '2026-12-07T08:00:00Z'),
      channel: 'whatsapp',
      channelAccountId: '7b0c6a4e-2f49-4c55-9d44-1a2b3c4d5e6f',
      accountOwnerLabel: 'Başkan',
      conversationId: 'c',
      conversationTags: ['Acil'],
      language: null,
      messageId: `m${texts.length}`,
      messageKind: 'dm',
    },
    texts.map((text, i) => ({
      id: `m${i + 1}`,
      text,
      attachments: [
        ...(extra.photo && i === 0 ? [{ type: 'image' as never }] : []),
        ...(extra.location && i === texts.length - 1
          ? [{ type: 'location' as never, location: { latitude: 38.4631, longitude: 27.2179 } }]
          : []),
      ],
    })),
  );

const matches = (match: 'all' | 'any', conditions: RuleCondition[], s = subject(['Yolda ÇUKURLAR var'])) =>
  compiler
    .compile('r', {
      name: 'r',
      event: AutomationRuleEvent.MessageReceived,
      match,
      conditions,
      actions: [],
      stopHere: false,
    })
    .matches(s);

describe('automation rule conditions', () => {
  it('keywords fold Turkish letters, keep word boundaries and take * as a prefix', async () => {
    expect(await matches('all', [{ type: C.Keywords, values: ['çukur*'] }])).toBe(true);
    expect(await matches('all', [{ type: C.Keywords, values: ['çukur'] }])).toBe(false);
    expect(await matches('all', [{ type: C.Keywords, values: ['su'] }], subject(['Sunum yarın']))).toBe(false);
  });

  it('a burst carries the photo caption and the later location together', async () => {
    const burst = subject(['Yolda çukur var', ''], { photo: true, location: true });
    expect(
      await matches(
        'all',
        [
          { type: C.Keywords, values: ['çukur'] },
          { type: C.HasPhoto },
          { type: C.HasLocation },
          { type: C.Near, latitude: 38.4622, longitude: 27.2166, radiusMeters: 200 },
        ],
        burst,
      ),
    ).toBe(true);
    expect(
      await matches('all', [{ type: C.Near, latitude: 38.4622, longitude: 27.2166, radiusMeters: 100 }], burst),
    ).toBe(false);
    expect(await matches('all', [{ type: C.HasLocation }])).toBe(false);
  });

  it('all needs every condition, any one of them; labels and tags ignore case', async () => {
    const conditions: RuleCondition[] = [
      { type: C.Channel, values: ['facebook'] },
      { type: C.AccountOwnerLabel, values: ['başkan'] },
    ];
    expect(await matches('all', conditions)).toBe(false);
    expect(await matches('any', conditions)).toBe(true);
    expect(await matches('all', [{ type: C.ConversationTag, values: ['acil'] }])).toBe(true);
    expect(await matches('all', [{ type: C.Language, values: ['tr'] }])).toBe(false);
    expect(await matches('all', [])).toBe(true);
  });

  it('office hours are read from the calendar at the message time', async () => {
    const night = subject(['x'], { at: '2026-12-07T20:00:00Z' });
    expect(await matches('all', [{ type: C.WithinOfficeHours }])).toBe(true);
    expect(await matches('all', [{ type: C.OutsideOfficeHours }], night)).toBe(true);
    expect(await matches('all', [{ type: C.WithinOfficeHours }], night)).toBe(false);
  });

  it('names the field of each problem', () => {
    expect(
      compiler.problems({
        event: AutomationRuleEvent.MessageReceived,
        actions: [],
        conditions: [
          { type: 'hava' as C },
          { type: C.MessageKind, values: ['fax'] },
          { type: C.Near, latitude: 91, longitude: 27, radiusMeters: 0 },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^conditions\.0\.type must be one of: /),
      expect.stringMatching(/^conditions\.1\.values\.0 must be one of: .*dm/),
      'conditions.2.latitude must be a number from -90 to 90',
      expect.stringMatching(/^conditions\.2\.radiusMeters/),
    ]);
  });

  it('case conditions read the case of a case event; contact tags ignore case', async () => {
    const base = subject(['Yolda çukur var']);
    const onCase = {
      ...base,
      event: AutomationRuleEvent.CaseStatusChanged,
      contactTags: ['Muhtar'],
      case: {
        id: 'k',
        category: 'yol-cukur',
        departmentId: '7b0c6a4e-2f49-4c55-9d44-1a2b3c4d5e6f',
        priority: 'high',
        status: 'resolved',
        previousStatus: 'in_progress',
      },
    };
    expect(
      await matches(
        'all',
        [
          { type: C.CaseCategory, values: ['yol-cukur'] },
          { type: C.CaseDepartment, values: ['7b0c6a4e-2f49-4c55-9d44-1a2b3c4d5e6f'] },
          { type: C.CasePriority, values: ['high', 'urgent'] },
          { type: C.CaseStatus, values: ['resolved'] },
          { type: C.CasePreviousStatus, values: ['in_progress'] },
          { type: C.ContactTag, values: ['muhtar'] },
        ],
        onCase,
      ),
    ).toBe(true);
    expect(await matches('all', [{ type: C.CaseStatus, values: ['rejected'] }], onCase)).toBe(false);
    // Without a case (a message subject) a case condition never holds.
    expect(await matches('all', [{ type: C.CaseStatus, values: ['resolved'] }], base)).toBe(false);
    expect(await matches('all', [{ type: C.ContactTag, values: ['muhtar'] }], base)).toBe(false);
  });

  it('refuses conditions and actions the event does not offer', () => {
    expect(
      compiler.problems({
        event: AutomationRuleEvent.MessageReceived,
        conditions: [{ type: C.CaseStatus, values: ['resolved'] }],
        actions: [],
      }),
    ).toEqual(['conditions.0.type case_status is not available for the event message_received']);
    expect(
      compiler.problems({
        event: AutomationRuleEvent.CaseOpened,
        conditions: [
          { type: C.CaseStatus, values: ['new'] },
          { type: C.CasePreviousStatus, values: ['new'] },
          { type: C.CaseCategory, values: ['Yol Çukur'] },
        ],
        actions: [{ kind: 'open_case' as never, categoryKey: 'yol-cukur' } as never],
      }),
    ).toEqual([
      'conditions.2.values.0 must be a category code such as yol-cukur',
      'conditions.1.type case_previous_status is not available for the event case_opened',
      'actions.0.kind open_case is not available for the event case_opened',
    ]);
  });

  it('haversine distance', () => {
    // Konak to Bornova, about 8.4 km.
    expect(
      distanceMeters({ latitude: 38.4189, longitude: 27.1287 }, { latitude: 38.4622, longitude: 27.2166 }),
    ).toBeGreaterThan(8_000);
    expect(distanceMeters({ latitude: 38.4189, longitude: 27.1287 }, { latitude: 38.4189, longitude: 27.1287 })).toBe(
      0,
    );
  });
});
