import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';
import { ConversationResponse } from './conversation.response';

@ApiSchema({ name: 'ContactAccount' })
export class ContactAccountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** One identity of a citizen on one channel account. */
@ApiSchema({ name: 'ContactIdentity' })
export class ContactIdentityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) handle: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Shared by linked identities' }) personId:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt: string | null;
  @ApiProperty({ type: ContactAccountResponse }) account: ContactAccountResponse;
}

/** GET /api/v1/contacts/:id: the identity, its linked identities and their conversations. */
@ApiSchema({ name: 'ContactProfile' })
export class ContactProfileResponse extends ContactIdentityResponse {
  @ApiProperty({ type: [ContactIdentityResponse] }) linkedContacts: ContactIdentityResponse[];
  @ApiProperty({ type: [ConversationResponse] }) conversations: ConversationResponse[];
}
