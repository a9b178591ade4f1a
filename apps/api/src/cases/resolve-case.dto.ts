import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { NotifyCitizenDto } from './notify-citizen.dto';

/** POST /api/v1/cases/:id/resolve */
export class ResolveCaseDto extends NotifyCitizenDto {
  @ApiProperty({ example: 'Çukur asfaltla kapatıldı.' })
  @IsString()
  @Length(1, 4000)
  resolutionText: string;

  @ApiPropertyOptional({ default: true, description: 'Reply to the citizen on the channel and thread they used' })
  @IsOptional()
  @IsBoolean()
  notifyCitizen?: boolean;
}
