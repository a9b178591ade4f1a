import { Global, Module } from '@nestjs/common';
import { MessagesModule } from '@civic/messages';
import { AuditTrailReader } from './audit-trail.reader';
import { AuditService } from './audit.service';
import { ContactDataExportService } from './contact-data-export.service';
import { ContactErasureService } from './contact-erasure.service';
import { ExportBundleBuilder } from './export-bundle.builder';
import { ExportCopyStreamer } from './export-copy.streamer';
import { ExportTranscripts } from './export-transcripts';
import { ExportService } from './export.service';
import { LegalHoldService } from './legal-hold.service';
import { RetentionAnonymizer } from './retention-anonymizer';
import { RetentionMediaCleaner } from './retention-media.cleaner';
import { RetentionService } from './retention.service';
import { SigningKeyService } from './signing-key.service';

/** Global so every feature can inject AuditService and record inside its own transaction. */
@Global()
@Module({
  imports: [MessagesModule],
  providers: [
    AuditService,
    AuditTrailReader,
    SigningKeyService,
    ExportService,
    ExportBundleBuilder,
    ExportCopyStreamer,
    ExportTranscripts,
    RetentionService,
    RetentionAnonymizer,
    RetentionMediaCleaner,
    LegalHoldService,
    ContactErasureService,
    ContactDataExportService,
  ],
  exports: [
    AuditService,
    AuditTrailReader,
    SigningKeyService,
    ExportService,
    RetentionService,
    LegalHoldService,
    ContactErasureService,
    ContactDataExportService,
  ],
})
export class AuditModule {}
