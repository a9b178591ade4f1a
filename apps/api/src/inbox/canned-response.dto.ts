import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLineName } from '../common/single-line-name.decorator';

export class CannedResponseDto {
  @ApiProperty({ example: 'Teşekkür' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @SingleLineName()
  title: string;

  @ApiProperty({ example: 'Sayın {{ad}}, bildiriminiz için teşekkür ederiz. {{kurum}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;
}
