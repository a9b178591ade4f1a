import { Module } from '@nestjs/common';
import { AuditModule } from '@civic/audit';
import { ContactErasureController } from './contact-erasure.controller';
import { LegalHoldController } from './legal-hold.controller';
import { LegalHoldsController } from './legal-holds.controller';
import { RetentionController } from './retention.controller';

/** KVKK: retention settings, legal holds, per-contact erasure. */
@Module({
  imports: [AuditModule],
  controllers: [RetentionController, LegalHoldController, LegalHoldsController, ContactErasureController],
})
export class RetentionApiModule {}
