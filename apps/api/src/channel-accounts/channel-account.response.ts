import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Channel, ChannelAccountStatus } from '@civic/domain';

/** A connected channel account (a page, an Instagram account, a WhatsApp number, an X account); never its credentials. */
@ApiSchema({ name: 'ChannelAccountView' })
export class ChannelAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ description: "The channel's id of the account" }) externalId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerLabel: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) cursors: Record<string, string>;
  @ApiProperty({ enum: ChannelAccountStatus, enumName: 'ChannelAccountStatus' }) status: ChannelAccountStatus;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) pausedUntil: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() pollIntervalSeconds: number;
  @ApiProperty({ type: Date, format: 'date-time', nullable: true }) lastPolledAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) sendRatePerSecond: number | null;
  @ApiProperty() sandbox: boolean;
  @ApiProperty({ description: "Officers' replies wait for approval" }) repliesNeedApproval: boolean;
  @ApiPropertyOptional({ description: 'Administrators only' }) hasCredentials?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
