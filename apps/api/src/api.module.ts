import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuthModule } from '@civic/auth';
import { AutomationModule } from '@civic/automation';
import { AppConfig, ConfigModule } from '@civic/config';
import { DatabaseModule } from '@civic/database';
import { IngestModule } from '@civic/ingest';
import { AuditApiModule } from './audit/audit-api.module';
import { AuthApiModule } from './auth/auth-api.module';
import { AutomationRulesApiModule } from './automation-rules/automation-rules-api.module';
import { BriefingApiModule } from './briefing/briefing-api.module';
import { CasesApiModule } from './cases/cases-api.module';
import { ChannelAccountsModule } from './channel-accounts/channel-accounts.module';
import { CitizenMessagesApiModule } from './citizen-messages/citizen-messages-api.module';
import { ContactAvatarsApiModule } from './contact-avatars/contact-avatars-api.module';
import { DirectorateApiModule } from './directorate/directorate-api.module';
import { HealthController } from './health/health.controller';
import { InboxApiModule } from './inbox/inbox-api.module';
import { pinoOptions } from './logging';
import { MacrosApiModule } from './macros/macros-api.module';
import { MediaApiModule } from './media/media-api.module';
import { MentionsApiModule } from './mentions/mentions-api.module';
import { MetricsApiModule } from './metrics/metrics-api.module';
import { OfficeHoursApiModule } from './office-hours/office-hours-api.module';
import { Open311Module } from './open311/open311.module';
import { OverviewApiModule } from './overview/overview-api.module';
import { PresenceApiModule } from './presence/presence-api.module';
import { ReadingsApiModule } from './readings/readings-api.module';
import { RepliesApiModule } from './replies/replies-api.module';
import { RetentionApiModule } from './retention/retention-api.module';
import { TeamsApiModule } from './teams/teams-api.module';
import { UsersModule } from './users/users.module';
import { WebAppModule } from './web/web-app.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface ApiModuleOptions {
  /** Configuration values that win over process.env (tests, the embedded start). */
  config?: Record<string, unknown>;
  /** Extra modules run in the same process (the worker, for `npm start`). */
  include?: DynamicModule['imports'];
  /** Where JSON log lines go instead of stdout (the log redaction test reads them). */
  logDestination?: DestinationStream;
}

/** The HTTP application: inbox, cases, mentions, exports, admin, auth, webhook receivers. */
@Module({})
export class ApiModule {
  static register(options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRootAsync({
          useFactory: (config: AppConfig) => pinoOptions(config, options.logDestination),
          inject: [AppConfig],
        }),
        DatabaseModule.forRoot(),
        AuthModule,
        AuthApiModule,
        IngestModule,
        ChannelAccountsModule,
        AuditApiModule,
        InboxApiModule,
        UsersModule,
        WebhooksModule,
        RepliesApiModule,
        PresenceApiModule,
        CasesApiModule,
        DirectorateApiModule,
        CitizenMessagesApiModule,
        Open311Module,
        MentionsApiModule,
        OverviewApiModule,
        BriefingApiModule,
        MediaApiModule,
        ContactAvatarsApiModule,
        RetentionApiModule,
        MetricsApiModule,
        OfficeHoursApiModule,
        AutomationRulesApiModule,
        TeamsApiModule,
        ReadingsApiModule,
        AutomationModule,
        MacrosApiModule,
        ...(options.include ?? []),
        WebAppModule,
      ],
      controllers: [HealthController],
    };
  }
}
