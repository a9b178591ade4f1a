import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CaseCimerView, CaseCitizenView } from '@civic/cases';

/** The citizen of a case recorded by hand, as they gave their details to the officer. */
@ApiSchema({ name: 'CaseCitizen' })
export class CaseCitizenResponse implements CaseCitizenView {
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164, e.g. +905321234567' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ description: 'Agreed to be told about the case (WhatsApp template or e-mail)' }) consent: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consentAt: string | null;
}

/** A CİMER application and its answer deadline (application date + the organization's working days). */
@ApiSchema({ name: 'CaseCimer' })
export class CaseCimerResponse implements CaseCimerView {
  @ApiProperty({ example: '2026-0412345' }) applicationNumber: string;
  @ApiProperty({ format: 'date', example: '2026-12-04' }) applicationDate: string;
  @ApiProperty({ format: 'date-time' }) answerDueAt: string;
}
