import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { RetentionScheduler } from './retention.scheduler';

/** Worker side of KVKK retention (needs ScheduleModule.forRoot() in the worker): the hourly anonymization. */
@Module({ imports: [AuditModule], providers: [RetentionScheduler] })
export class RetentionWorkerModule {}
