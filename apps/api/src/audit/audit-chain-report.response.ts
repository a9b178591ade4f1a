import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'AuditChainHead' })
export class AuditChainHeadResponse {
  @ApiProperty() seq: string;
  @ApiProperty() hash: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
}

/** GET /api/v1/audit/verify: whether every hash links to the one before it. */
@ApiSchema({ name: 'AuditChainReport' })
export class AuditChainReportResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Events checked' }) checked: number;
  @ApiProperty({ type: AuditChainHeadResponse, nullable: true }) head: AuditChainHeadResponse | null;
  @ApiPropertyOptional({ format: 'uuid' }) firstBrokenEventId?: string;
  @ApiPropertyOptional() firstBrokenSeq?: string;
  @ApiPropertyOptional() reason?: string;
}
