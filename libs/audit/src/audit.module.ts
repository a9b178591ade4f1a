import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { ContactDataExportService } from './contact-data-export.service';
import { ExportService } from './export.service';
import { RetentionService } from './retention.service';
import { SigningKeyService } from './signing-key.service';

/** Global so every feature can inject AuditService and record inside its own transaction. */
@Global()
@Module({
  providers: [AuditService, SigningKeyService, ExportService, RetentionService, ContactDataExportService],
  exports: [AuditService, SigningKeyService, ExportService, RetentionService, ContactDataExportService],
})
export class AuditModule {}
