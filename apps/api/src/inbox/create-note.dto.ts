import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateNoteDto {
  @ApiProperty({ example: 'Fen İşleri ile görüşüldü, ekip yarın gidecek.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;
}
