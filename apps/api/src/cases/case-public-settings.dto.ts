import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** PUT /api/v1/case-settings/public */
export class CasePublicSettingsDto {
  @ApiProperty({ description: 'Publish the anonymous transparency report and the Open311 read endpoints' })
  @IsBoolean()
  publicData: boolean;
}
