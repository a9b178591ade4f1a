import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CannedResponseView } from '@civic/inbox';

@ApiSchema({ name: 'CannedResponse' })
export class CannedResponseResponse implements CannedResponseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Text with {{placeholders}}' }) body: string;
  @ApiProperty({ type: String, nullable: true, description: 'Typed after "/" to insert it' }) shortcut: string | null;
  @ApiProperty({ description: 'Shared with the organization; otherwise the caller’s own' }) shared: boolean;
  @ApiProperty({ description: 'The caller may change or delete it' }) editable: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}
