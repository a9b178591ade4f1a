import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST /api/v1/cases/manual/suggest: what the officer has typed of a phone call's or visit's case. */
export class SuggestManualCaseDto {
  @ApiProperty({ example: 'Vatandaş telefonla aradı: sokakta çöpler üç gündür alınmamış.' })
  @IsString()
  @Length(1, 10_000, { message: 'text must not be empty' })
  text: string;
}
