import { Injectable } from '@nestjs/common';
import { NeighbourhoodLookupService } from '@civic/cases';
import { CasePriority, CaseStatus, Channel, MessageKind } from '@civic/model';
import { OfficeCalendar } from '@civic/office-hours';
import { RuleConditionType } from '../rule-condition';
import type { ConditionEvaluator } from './condition-evaluator';
import { FlagEvaluator } from './flag.evaluator';
import { KeywordsEvaluator } from './keywords.evaluator';
import { MinReachEvaluator } from './min-reach.evaluator';
import { NearEvaluator } from './near.evaluator';
import { NeighbourhoodEvaluator } from './neighbourhood.evaluator';
import { OfficeHoursEvaluator } from './office-hours.evaluator';
import { ValueInSetEvaluator } from './value-in-set.evaluator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CATEGORY_CODE = /^[a-z0-9][a-z0-9-]{0,79}$/;
const foldCase = (value: string) => value.trim().toLocaleLowerCase('tr');

/** Every condition type's evaluator, by type: a new condition is one line here, never a switch elsewhere. */
@Injectable()
export class ConditionEvaluatorRegistry {
  private readonly evaluators = new Map<string, ConditionEvaluator>();

  constructor(calendar: OfficeCalendar, neighbourhoods: NeighbourhoodLookupService) {
    const all: ConditionEvaluator[] = [
      new ValueInSetEvaluator(RuleConditionType.Channel, { read: (s) => s.channel, allowed: Object.values(Channel) }),
      new ValueInSetEvaluator(RuleConditionType.ChannelAccount, {
        read: (s) => s.channelAccountId,
        format: { pattern: UUID, says: 'must be a channel account id' },
      }),
      new ValueInSetEvaluator(RuleConditionType.AccountOwnerLabel, {
        read: (s) => s.accountOwnerLabel,
        normalize: foldCase,
      }),
      new ValueInSetEvaluator(RuleConditionType.MessageKind, {
        read: (s) => s.messageKind,
        allowed: Object.values(MessageKind),
      }),
      new KeywordsEvaluator(),
      new FlagEvaluator(RuleConditionType.HasPhoto, (s) => s.hasPhoto),
      new FlagEvaluator(RuleConditionType.HasLocation, (s) => s.locations.length > 0),
      new NearEvaluator(),
      new NeighbourhoodEvaluator(neighbourhoods),
      new ValueInSetEvaluator(RuleConditionType.ConversationTag, {
        read: (s) => s.conversationTags,
        normalize: foldCase,
      }),
      new OfficeHoursEvaluator(RuleConditionType.WithinOfficeHours, true, calendar),
      new OfficeHoursEvaluator(RuleConditionType.OutsideOfficeHours, false, calendar),
      new ValueInSetEvaluator(RuleConditionType.Language, {
        read: (s) => s.language,
        allowed: ['tr', 'ku', 'ar', 'en', 'other'],
      }),
      // Read in the same scanner transaction, before the rules (MessageReadingHandler): true or false.
      new ValueInSetEvaluator(RuleConditionType.Urgent, {
        read: (s) => String(s.urgent === true),
        allowed: ['true', 'false'],
      }),
      new ValueInSetEvaluator(RuleConditionType.ContactTag, { read: (s) => s.contactTags, normalize: foldCase }),
      // Case conditions: a subject without a case (never the case: validation keeps them to case events) never matches.
      new ValueInSetEvaluator(RuleConditionType.CaseCategory, {
        read: (s) => s.case?.category ?? null,
        format: { pattern: CATEGORY_CODE, says: 'must be a category code such as yol-cukur' },
      }),
      new ValueInSetEvaluator(RuleConditionType.CaseDepartment, {
        read: (s) => s.case?.departmentId ?? null,
        format: { pattern: UUID, says: 'must be a directorate id' },
      }),
      new ValueInSetEvaluator(RuleConditionType.CasePriority, {
        read: (s) => s.case?.priority ?? null,
        allowed: Object.values(CasePriority),
      }),
      new ValueInSetEvaluator(RuleConditionType.CaseStatus, {
        read: (s) => s.case?.status ?? null,
        allowed: Object.values(CaseStatus),
      }),
      new ValueInSetEvaluator(RuleConditionType.CasePreviousStatus, {
        read: (s) => s.case?.previousStatus ?? null,
        allowed: Object.values(CaseStatus),
      }),
      // Mention events only (validation keeps it there): the watchlist the mention matched.
      new ValueInSetEvaluator(RuleConditionType.Watchlist, {
        read: (s) => s.mention?.watchlistId ?? null,
        format: { pattern: UUID, says: 'must be a watchlist id' },
      }),
      new MinReachEvaluator(),
    ];
    for (const evaluator of all) {
      this.evaluators.set(evaluator.type, evaluator);
    }
  }

  get(type: string): ConditionEvaluator | undefined {
    return this.evaluators.get(type);
  }

  types(): string[] {
    return [...this.evaluators.keys()];
  }
}
