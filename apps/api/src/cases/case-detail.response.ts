import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CitizenNoticeKind } from '@civic/citizen-loop';
import { CaseForwardStatus, CaseForwardTransport, Channel } from '@civic/domain';
import { CasePhotoLocationResponse } from './case-photo-location.response';
import { CaseSatisfactionResponse } from './case-satisfaction.response';
import { CaseResponse } from './case.response';
import { ResolutionProposalResponse } from './resolution-proposal.response';

@ApiSchema({ name: 'CaseHistoryEntry' })
export class CaseHistoryEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorLabel: string | null;
  @ApiProperty({ example: 'case.assigned' }) action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

@ApiSchema({ name: 'CaseForward' })
export class CaseForwardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) externalBodyId: string;
  @ApiProperty() externalBodyName: string;
  @ApiProperty({ enum: CaseForwardTransport, enumName: 'CaseForwardTransport' }) transport: CaseForwardTransport;
  @ApiProperty({ description: 'Webhook URL or e-mail address' }) target: string;
  @ApiProperty({ enum: CaseForwardStatus, enumName: 'CaseForwardStatus' }) status: CaseForwardStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) responseStatus: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiSchema({ name: 'MergedCase' })
export class MergedCaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-000123' }) caseNumber: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ format: 'date-time' }) mergedAt: string;
}

@ApiSchema({ name: 'CaseNotice' })
export class CaseNoticeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CitizenNoticeKind, enumName: 'CitizenNoticeKind' }) kind: CitizenNoticeKind;
  @ApiProperty({ enum: ['queued', 'sent', 'delivered', 'read', 'failed', 'refused', 'skipped'] })
  state: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'refused' | 'skipped';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was not sent: window_closed_no_template, opted_out, contact_erased, switched_off, …',
  })
  reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The text as sent' }) text: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** GET /api/v1/cases/:id: the case with its full history, forwards, merged duplicates and automatic messages. */
@ApiSchema({ name: 'CaseDetail' })
export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({ type: [CaseHistoryEntryResponse] }) history: CaseHistoryEntryResponse[];
  @ApiProperty({ type: [CaseForwardResponse] }) forwards: CaseForwardResponse[];
  @ApiProperty({ type: [MergedCaseResponse] }) mergedCases: MergedCaseResponse[];
  @ApiProperty({ type: [CaseNoticeResponse], description: 'Automatic messages to the citizen, oldest first' })
  notices: CaseNoticeResponse[];
  @ApiProperty({
    type: CaseSatisfactionResponse,
    nullable: true,
    description: "The citizen's rating of the latest resolution",
  })
  satisfaction: CaseSatisfactionResponse | null;
  @ApiProperty({
    type: ResolutionProposalResponse,
    nullable: true,
    description: "The directorate's proposed resolution, while no later resolution was made",
  })
  resolutionProposal: ResolutionProposalResponse | null;
  @ApiProperty({
    type: CasePhotoLocationResponse,
    nullable: true,
    description: 'While the case has no location: the GPS position in the EXIF of one of its photos, to offer',
  })
  photoLocation: CasePhotoLocationResponse | null;
}
