import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** PUT /api/v1/neighbourhoods/official-district: whose official neighbourhood list joins the boundaries. */
export class OfficialDistrictDto {
  @ApiProperty({ description: 'Province plate code, two digits', example: '38' })
  @IsString()
  @Matches(/^\d{2}$/, { message: 'cityCode must be a two-digit province plate code, such as 38' })
  cityCode: string;

  @ApiProperty({ description: 'District of the province, as the official list spells it', example: 'Melikgazi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  district: string;
}
