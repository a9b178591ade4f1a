import { Module } from '@nestjs/common';
import { IngestBatcher } from './ingest-batcher.service';
import { IngestService } from './ingest.service';

@Module({ providers: [IngestService, IngestBatcher], exports: [IngestService, IngestBatcher] })
export class IngestModule {}
