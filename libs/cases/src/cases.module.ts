import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { CitizenLoopModule } from '@civic/citizen-loop';
import { MailModule } from '@civic/mail';
import { MessageReadingsModule } from '@civic/message-readings';
import { OfficeHoursModule } from '@civic/office-hours';
import { QueueModule } from '@civic/queue';
import { RepliesModule } from '@civic/replies';
import { CaseCategoriesService } from './case-categories.service';
import { CaseDueDatesService } from './case-due-dates.service';
import { CaseDuplicatesService } from './case-duplicates.service';
import { CaseForwardingService } from './case-forwarding.service';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseInboundService } from './case-inbound.service';
import { CaseNoticeTrigger } from './case-notice.trigger';
import { CaseOpeningService } from './case-opening.service';
import { CasePublicDataService } from './case-public-data.service';
import { CaseResolutionService } from './case-resolution.service';
import { CaseSeedService } from './case-seed.service';
import { CaseStatsService } from './case-stats.service';
import { CaseWorkingTimeStatsService } from './case-working-time-stats.service';
import { CaseStore } from './case.store';
import { CasesService } from './cases.service';
import { DepartmentPresetsService } from './department-presets.service';
import { DepartmentsService } from './departments.service';
import { DirectorateCasesService } from './directorate/directorate-cases.service';
import { INTAKE_PROVIDERS } from './intake/intake.providers';
import { LearnedCategoryReader } from './learned-category.reader';
import { MAP_PROVIDERS } from './map/map.providers';
import { NEIGHBOURHOOD_PROVIDERS } from './neighbourhoods/neighbourhood.providers';
import { CasePhotoLocationService } from './photos/case-photo-location.service';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSuggestionService } from './routing-suggestion.service';
import { CaseSatisfactionStatsService } from './satisfaction/case-satisfaction-stats.service';
import { SatisfactionSurveyService } from './satisfaction/satisfaction-survey.service';

const PROVIDERS = [
  CaseSeedService,
  CasePhotoLocationService,
  CaseHistoryRecorder,
  CaseDueDatesService,
  CaseWorkingTimeStatsService,
  CaseNoticeTrigger,
  ...INTAKE_PROVIDERS,
  ...NEIGHBOURHOOD_PROVIDERS,
  ...MAP_PROVIDERS,
  CaseStore,
  DepartmentsService,
  DepartmentPresetsService,
  CaseCategoriesService,
  RoutingRulesService,
  LearnedCategoryReader,
  RoutingSuggestionService,
  CasesService,
  CaseOpeningService,
  CaseForwardingService,
  CaseResolutionService,
  CaseInboundService,
  CaseStatsService,
  CaseDuplicatesService,
  CasePublicDataService,
  SatisfactionSurveyService,
  CaseSatisfactionStatsService,
  DirectorateCasesService,
];

/** Cases (api side): catalog, routing, case work, forwarding outbox, closing the loop, statistics, duplicates, public data. */
@Module({
  imports: [
    AuditModule,
    MailModule,
    QueueModule,
    RepliesModule,
    CitizenLoopModule,
    OfficeHoursModule,
    MessageReadingsModule,
  ],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class CasesModule {}
