import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AddTagDto {
  @ApiProperty({ example: 'yol-çalışması' })
  @IsString() @MinLength(1) @MaxLength(64)
  tag: string;
}
