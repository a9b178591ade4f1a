import { Global, Module } from '@nestjs/common';
import { MessagesModule } from '@civic/messages';
import { AuditService } from './audit.service';
import { ContactDataExportService } from './contact-data-export.service';
import { ExportService } from './export.service';
import { RetentionAnonymizer } from './retention-anonymizer';
import { RetentionService } from './retention.service';
import { SigningKeyService } from './signing-key.service';

/** Global so every feature can inject AuditService and record inside its own transaction. */
@Global()
@Module({
  imports: [MessagesModule],
  providers: [
    AuditService,
    SigningKeyService,
    ExportService,
    RetentionService,
    RetentionAnonymizer,
    ContactDataExportService,
  ],
  exports: [AuditService, SigningKeyService, ExportService, RetentionService, ContactDataExportService],
})
export class AuditModule {}
