import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** POST /api/v1/cases/:id/forward */
export class ForwardCaseDto {
  @ApiProperty({ description: 'An external body (dış kurum) with a webhook URL and/or e-mail' })
  @IsUUID()
  externalBodyId: string;

  @ApiPropertyOptional({ example: 'Ana isale hattı İZSU sorumluluğundadır.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
