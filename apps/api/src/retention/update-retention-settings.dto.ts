import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

export class UpdateRetentionSettingsDto {
  /** Days after the last activity of a closed/resolved conversation; null keeps everything. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(36_500)
  retentionDays?: number | null;

  @IsOptional()
  @IsBoolean()
  maskPhoneNumbers?: boolean;

  @IsOptional()
  @IsBoolean()
  maskNames?: boolean;
}
