import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'RenderedCannedResponse' })
export class RenderedCannedResponseResponse {
  @ApiProperty() text: string;
  @ApiProperty({ type: [String], description: 'Placeholders left empty' }) missing: string[];
}
