import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'CasePublicSettings' })
export class CasePublicSettingsResponse {
  @ApiProperty({ description: 'The transparency report and Open311 endpoints answer' }) publicData: boolean;
}
