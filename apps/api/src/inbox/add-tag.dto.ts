import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';

export class AddTagDto {
  @ApiProperty({ example: 'yol-çalışması' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @SingleLineName()
  tag: string;
}
