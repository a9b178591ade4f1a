import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CannedResponseDto {
  @ApiProperty({ example: 'Teşekkür' })
  @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Sayın {{ad}}, bildiriminiz için teşekkür ederiz. {{kurum}}' })
  @IsString() @MinLength(1) @MaxLength(5000)
  body: string;
}
