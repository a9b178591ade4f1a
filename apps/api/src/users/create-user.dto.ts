import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { SingleLineName } from '../common/single-line-name.decorator';

export class CreateUserDto {
  @ApiProperty({ example: 'ayse.yilmaz@belediye.gov.tr' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Ayşe Yılmaz' })
  @IsString()
  @Length(1, 200)
  @SingleLineName()
  displayName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(1024)
  password: string;

  @ApiProperty({ enum: UserRole, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(UserRole, { each: true, message: `roles must be some of: ${Object.values(UserRole).join(', ')}` })
  roles: UserRole[];

  @ApiPropertyOptional({ enum: ['tr', 'en'] })
  @IsOptional()
  @IsIn(['tr', 'en'])
  locale?: 'tr' | 'en';

  @ApiPropertyOptional({
    description: 'Officers only: limit to these channel accounts (empty or absent: all accounts)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  channelAccountIds?: string[];

  @ApiPropertyOptional({
    description: 'The department (müdürlük) of a directorate user: required with the directorate role',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a department id' })
  departmentId?: string | null;
}
