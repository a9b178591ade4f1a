import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ExportStatus } from '@civic/domain';

@ApiSchema({ name: 'ExportQuery' })
export class ExportQueryResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiPropertyOptional({ type: String, nullable: true }) channel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) accountId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) conversationId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contactId?: string | null;
  @ApiProperty({ type: [String] }) formats: string[];
}

/** A signed conversation-log export and its progress. */
@ApiSchema({ name: 'ExportJobView' })
export class ExportJobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ExportStatus, enumName: 'ExportStatus' }) status: ExportStatus;
  @ApiProperty({ type: ExportQueryResponse }) query: ExportQueryResponse;
  @ApiProperty() processedMessages: number;
  @ApiProperty({ type: Number, nullable: true }) totalMessages: number | null;
  @ApiProperty({ description: '0..1' }) progress: number;
  @ApiProperty({ type: Number, nullable: true }) fileSize: number | null;
  @ApiProperty({ type: String, nullable: true }) manifestSha256: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) downloadUrl: string | null;
}
