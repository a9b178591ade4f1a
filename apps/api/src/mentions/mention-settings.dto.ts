import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsUrl, ValidateIf } from 'class-validator';

export class MentionSettingsDto {
  @ApiPropertyOptional({
    example: 'https://hooks.belediye.tr/bahsetmeler',
    nullable: true,
    description: 'spike alerts and digests are POSTed here (JSON)',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    example: 'baskanlik@belediye.tr',
    nullable: true,
    description: 'kept as e-mail outbox rows: there is no SMTP sender yet',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  digestEnabled?: boolean;
}
