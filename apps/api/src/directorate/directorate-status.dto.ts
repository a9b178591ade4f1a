import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DIRECTORATE_STATUSES, DirectorateStatus } from '@civic/cases';

/** POST /api/v1/directorate/cases/:id/status: a resolution goes through /proposal or /resolve instead. */
export class DirectorateStatusDto {
  @ApiProperty({ enum: DIRECTORATE_STATUSES })
  @IsIn(DIRECTORATE_STATUSES, {
    message: `status must be one of: ${DIRECTORATE_STATUSES.join(', ')} (a resolution is proposed or sent with its own action)`,
  })
  status: DirectorateStatus;

  @ApiPropertyOptional({ example: 'Ekip sahaya çıktı.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
