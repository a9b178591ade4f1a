import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { OfficeHoursModule } from '@civic/office-hours';
import { AutomationRulesService } from './automation-rules.service';
import { ConditionEvaluatorRegistry } from './conditions/condition-evaluator.registry';
import { RuleCompiler } from './rule-compiler';
import { RuleDryRunService } from './rule-dry-run.service';
import { RuleEngine } from './rule-engine';
import { RuleSetCache } from './rule-set.cache';
import { RuleSubjectBatchLoader } from './rule-subject.batch-loader';
import { RuleSubjectLoader } from './rule-subject.loader';

const PROVIDERS = [
  ConditionEvaluatorRegistry,
  RuleCompiler,
  RuleSetCache,
  RuleSubjectLoader,
  RuleSubjectBatchLoader,
  RuleEngine,
  RuleDryRunService,
  AutomationRulesService,
];

/** Automation rules (issue 26), the part every process needs: the rules, their evaluation and the dry run. */
@Module({ imports: [AuditModule, OfficeHoursModule], providers: PROVIDERS, exports: PROVIDERS })
export class AutomationRulesModule {}
