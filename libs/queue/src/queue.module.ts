import { Module } from '@nestjs/common';
import { QueueService } from './queue.service';

/** The job queue (pg-boss on the application database). One instance per process. */
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}
