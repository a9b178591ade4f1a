import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { NeighbourhoodLookupService } from '@civic/cases';
import { MailModule } from '@civic/mail';
import { OfficeHoursModule } from '@civic/office-hours';
import { QueueModule } from '@civic/queue';
import { AutomationRulesService } from './automation-rules.service';
import { CaseRuleEventListener } from './case-rule-event.listener';
import { CaseSubjectLoader } from './case-subject.loader';
import { ConditionEvaluatorRegistry } from './conditions/condition-evaluator.registry';
import { ContactTagsService } from './contact-tags.service';
import { MentionActionRunner } from './mention/mention-action.runner';
import { MentionRuleEventListener } from './mention/mention-rule-event.listener';
import { MentionSubjectLoader } from './mention/mention-subject.loader';
import { RuleCompiler } from './rule-compiler';
import { RuleDryRunService } from './rule-dry-run.service';
import { RuleEngine } from './rule-engine';
import { RuleSetCache } from './rule-set.cache';
import { RuleSubjectBatchLoader } from './rule-subject.batch-loader';
import { RuleSubjectLoader } from './rule-subject.loader';

const PROVIDERS = [
  ConditionEvaluatorRegistry,
  // Its own cache of the boundaries' index; each lookup still reads the active version, so uploads are seen.
  NeighbourhoodLookupService,
  RuleCompiler,
  RuleSetCache,
  RuleSubjectLoader,
  RuleSubjectBatchLoader,
  RuleEngine,
  RuleDryRunService,
  AutomationRulesService,
  CaseSubjectLoader,
  CaseRuleEventListener,
  ContactTagsService,
  MentionSubjectLoader,
  MentionRuleEventListener,
  MentionActionRunner,
];

/** Automation rules (issue 26), the part every process needs: the rules, their evaluation, the dry run, and case and mention events into their outboxes. */
@Module({
  imports: [AuditModule, MailModule, OfficeHoursModule, QueueModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class AutomationRulesModule {}
