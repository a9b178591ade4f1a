import { Module } from '@nestjs/common';
import { DeferredUpdateSweeper } from './deferred-update.sweeper';
import { IngestModule } from './ingest.module';

/** Ingest's scheduled work, run by worker processes: deferred updates applied once their message is stored. */
@Module({ imports: [IngestModule], providers: [DeferredUpdateSweeper], exports: [DeferredUpdateSweeper] })
export class IngestWorkerModule {}
