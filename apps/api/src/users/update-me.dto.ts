import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '@civic/auth';
import { SingleLineName } from '../common/single-line-name.decorator';

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: ['tr', 'en'] })
  @IsOptional()
  @IsIn(['tr', 'en'])
  locale?: 'tr' | 'en';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @SingleLineName()
  displayName?: string;

  @ApiPropertyOptional({ description: 'Required with newPassword' })
  @ValidateIf((dto: UpdateMeDto) => dto.newPassword !== undefined || dto.currentPassword !== undefined)
  @IsString()
  @MaxLength(1024)
  currentPassword?: string;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @ValidateIf((dto: UpdateMeDto) => dto.newPassword !== undefined || dto.currentPassword !== undefined)
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(1024)
  newPassword?: string;
}
