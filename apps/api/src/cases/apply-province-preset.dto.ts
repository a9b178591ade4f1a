import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROVINCE_CODES } from '@civic/cases';

/** POST /api/v1/departments/presets */
export class ApplyProvincePresetDto {
  @ApiProperty({ enum: PROVINCE_CODES, example: 'kayseri' })
  @IsIn(PROVINCE_CODES, { message: `province must be one of: ${PROVINCE_CODES.join(', ')}` })
  province: string;
}
