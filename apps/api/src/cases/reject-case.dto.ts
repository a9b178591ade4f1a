import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** POST /api/v1/cases/:id/reject */
export class RejectCaseDto {
  @ApiProperty({ example: 'Belediyemizin sorumluluğunda değildir; Karayolları Bölge Müdürlüğü ilgilenmektedir.' })
  @IsString()
  @Length(1, 4000)
  reason: string;

  @ApiPropertyOptional({ description: 'The external body responsible instead' })
  @IsOptional()
  @IsUUID()
  responsibleBodyId?: string;
}
