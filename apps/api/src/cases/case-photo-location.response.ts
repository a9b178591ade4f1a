import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** The GPS position of one of the case's photos (its EXIF), offered while the case has no location. */
@ApiSchema({ name: 'CasePhotoLocation' })
export class CasePhotoLocationResponse {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ format: 'uuid', description: 'The message of the photo it came from' }) messageId: string;
  @ApiProperty({ description: "The photo's position among the message's attachments" }) attachmentIndex: number;
}
