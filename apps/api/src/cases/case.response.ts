import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { CaseView } from '@civic/cases';
import { CasePriority, CaseSource, CaseStatus, Channel } from '@civic/domain';
import { ContactRefResponse } from '../inbox/conversation.response';
import { CaseCimerResponse, CaseCitizenResponse } from './case-intake.response';

@ApiSchema({ name: 'CaseCategoryRef' })
export class CaseCategoryRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() slaHours: number;
  @ApiProperty({ description: 'The SLA counts working hours on the office calendar' }) slaWorkingHours: boolean;
}

@ApiSchema({ name: 'DepartmentRef' })
export class DepartmentRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'CaseLocation' })
export class CaseLocationResponse {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
}

@ApiSchema({ name: 'NeighbourhoodRef' })
export class NeighbourhoodRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'CasePhoto' })
export class CasePhotoResponse {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty() attachmentIndex: number;
  @ApiProperty({ description: 'API path of the stored copy' }) path: string;
  @ApiProperty() type: string;
  @ApiPropertyOptional({ type: String, nullable: true }) channelMediaId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) channelUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mediaAssetId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) mimeType?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caption?: string | null;
}

@ApiSchema({ name: 'CaseAssignee' })
export class CaseAssigneeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** A case (başvuru) as the list, the board and every action return it. */
@ApiSchema({ name: 'CaseView' })
export class CaseResponse implements CaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description: 'Readable number told to the citizen, per organization and year',
    example: '2026-000123',
  })
  caseNumber: string;
  @ApiProperty({ description: "The id of the request's public page /r/:publicId (answers while public data is on)" })
  publicId: string;
  @ApiProperty({ enum: CaseStatus, enumName: 'CaseStatus' }) status: CaseStatus;
  @ApiProperty({ enum: CasePriority, enumName: 'CasePriority' }) priority: CasePriority;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: CaseCategoryRefResponse }) category: CaseCategoryRefResponse;
  @ApiProperty({ type: DepartmentRefResponse, nullable: true }) department: DepartmentRefResponse | null;
  @ApiProperty({ type: DepartmentRefResponse, nullable: true }) externalBody: DepartmentRefResponse | null;
  @ApiProperty({ type: CaseAssigneeResponse, nullable: true, description: 'The officer responsible' })
  assignee: CaseAssigneeResponse | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a case recorded by hand' })
  conversationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ enum: Channel, enumName: 'Channel', nullable: true }) channel: Channel | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) channelAccountId: string | null;
  @ApiProperty({ enum: CaseSource, enumName: 'CaseSource', description: 'How the case arrived' }) source: CaseSource;
  @ApiProperty({ type: CaseCitizenResponse, nullable: true, description: 'A case recorded by hand: the citizen' })
  citizen: CaseCitizenResponse | null;
  @ApiProperty({ type: CaseCimerResponse, nullable: true }) cimer: CaseCimerResponse | null;
  @ApiProperty({ type: ContactRefResponse, nullable: true }) contact: ContactRefResponse | null;
  @ApiProperty({ type: CaseLocationResponse, nullable: true }) location: CaseLocationResponse | null;
  @ApiProperty({
    type: NeighbourhoodRefResponse,
    nullable: true,
    description: 'The neighbourhood of the active boundaries: from the location, else named in the text',
  })
  neighbourhood: NeighbourhoodRefResponse | null;
  @ApiProperty({ type: [CasePhotoResponse] }) photos: CasePhotoResponse[];
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({
    format: 'date-time',
    description: '75 % of the time to the due date gone (working hours for a working-hour SLA)',
  })
  atRiskAt: string;
  @ApiProperty({ description: 'Open, not overdue, past atRiskAt' }) atRisk: boolean;
  @ApiProperty({ type: String, nullable: true }) resolutionText: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstResolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rejectedAt: string | null;
  @ApiProperty() resolutionCount: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when this case is a merged duplicate',
  })
  mergedIntoCaseId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) mergedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
