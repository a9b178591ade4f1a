import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { UserRole } from '@civic/domain';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'CRM entegrasyonu' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: UserRole, isArray: true, description: 'A subset of your own roles' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(UserRole, { each: true, message: `roles must be some of: ${Object.values(UserRole).join(', ')}` })
  roles: UserRole[];

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: Date;
}
