import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST /api/v1/directorate/cases/:id/notes: an internal note, never sent to the citizen. */
export class DirectorateNoteDto {
  @ApiProperty({ example: 'Ekip yarın sabah sahada olacak.' })
  @IsString()
  @Length(1, 4000)
  text: string;
}
