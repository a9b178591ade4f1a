import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { AuditController } from './audit.controller';
import { ContactDataExportController } from './contact-data-export.controller';
import { ExportsController } from './exports.controller';

@Module({ imports: [AuditModule], controllers: [AuditController, ExportsController, ContactDataExportController] })
export class AuditApiModule {}
