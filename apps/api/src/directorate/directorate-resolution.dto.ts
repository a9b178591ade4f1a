import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST /api/v1/directorate/cases/:id/proposal and /resolve */
export class DirectorateResolutionDto {
  @ApiProperty({ example: 'Çukur asfaltla kapatıldı.' })
  @IsString()
  @Length(1, 4000)
  resolutionText: string;
}
