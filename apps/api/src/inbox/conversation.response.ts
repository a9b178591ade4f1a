import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel, ConversationKind, ConversationStatus } from '@civic/domain';
import type { ConversationView } from '@civic/inbox';

@ApiSchema({ name: 'AccountRef' })
export class AccountRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Whose account: the municipality's, the mayor's" })
  ownerLabel: string | null;
}

@ApiSchema({ name: 'ContactRef' })
export class ContactRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
}

@ApiSchema({ name: 'ConversationContact' })
export class ConversationContactResponse extends ContactRefResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The citizen's profile picture, stored by us (the channel's URL expires); fetch it with the bearer header",
    example: '/api/v1/contacts/6f1c…/avatar',
  })
  avatarUrl: string | null;
}

@ApiSchema({ name: 'UserRef' })
export class UserRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

@ApiSchema({ name: 'ReplyWindow' })
export class ReplyWindowResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: the channel has no window for this thread',
  })
  expiresAt: string | null;
  @ApiProperty() open: boolean;
}

@ApiSchema({ name: 'TeamRef' })
export class TeamRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** GET /api/v1/conversations/:id and each row of the inbox list. */
@ApiSchema({ name: 'Urgency' })
export class UrgencyResponse {
  @ApiProperty({ format: 'date-time', description: 'When the first unanswered urgent message came' }) since: string;
  @ApiProperty({ type: [String], description: 'The words that made it urgent' }) terms: string[];
}

@ApiSchema({ name: 'ConversationReading' })
export class ConversationReadingResponse {
  @ApiProperty({ type: String, nullable: true, enum: ['tr', 'ku', 'ar', 'en', 'other'] }) language: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['negative', 'neutral', 'positive'] }) sentiment: string | null;
  @ApiProperty({ type: UrgencyResponse, nullable: true }) urgent: UrgencyResponse | null;
}

@ApiSchema({ name: 'ConversationView' })
export class ConversationResponse implements ConversationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ type: AccountRefResponse }) account: AccountRefResponse;
  @ApiProperty({ type: ConversationContactResponse, nullable: true }) contact: ConversationContactResponse | null;
  @ApiProperty({ enum: ConversationKind, enumName: 'ConversationKind' }) kind: ConversationKind;
  @ApiProperty({ enum: ConversationStatus, enumName: 'ConversationStatus' }) status: ConversationStatus;
  @ApiProperty({ type: UserRefResponse, nullable: true }) assignee: UserRefResponse | null;
  @ApiProperty({ type: TeamRefResponse, nullable: true, description: 'With no assignee: waiting in the team queue' })
  team: TeamRefResponse | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty({ type: String, nullable: true }) lastMessagePreview: string | null;
  @ApiProperty() messageCount: number;
  @ApiProperty() unreadCount: number;
  @ApiProperty({ type: ReplyWindowResponse }) replyWindow: ReplyWindowResponse;
  @ApiProperty({ type: ConversationReadingResponse }) reading: ConversationReadingResponse;
}
