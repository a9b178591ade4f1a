import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { MAX_CONTACT_TAGS } from '@civic/automation-rules';

/** PUT /api/v1/contacts/:id/tags: the contact's whole list of tags (empty clears them). */
export class ContactTagsDto {
  @ApiProperty({ type: [String], example: ['muhtar', 'basın'], maxItems: MAX_CONTACT_TAGS })
  @IsArray()
  @ArrayMaxSize(MAX_CONTACT_TAGS)
  @IsString({ each: true })
  @Matches(/^\s*[\p{L}\p{N}][\p{L}\p{N} .'_-]{0,39}\s*$/u, {
    each: true,
    message: "each of tags must be 1 to 40 letters, digits, spaces or . ' _ -",
  })
  tags: string[];
}

export class ContactTagsResponse {
  @ApiProperty({ type: [String], description: 'Lower-cased, each once' }) tags: string[];
}
