import { Module } from '@nestjs/common';
import { TeamQueueScheduler } from './team-queue.scheduler';
import { TeamsModule } from './teams.module';

/** The worker's periodic hand-out of team queues. */
@Module({ imports: [TeamsModule], providers: [TeamQueueScheduler] })
export class TeamsWorkerModule {}
