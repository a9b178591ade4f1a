import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** GET /api/v1/neighbourhoods/official-places */
export class OfficialPlacesQuery {
  @ApiPropertyOptional({ description: 'Province plate code whose districts are listed', example: '38' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'cityCode must be a two-digit province plate code, such as 38' })
  cityCode?: string;
}
