import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/v1/neighbourhoods/boundaries: the GeoJSON file as JSON (at most 5 MB in all). */
export class UploadBoundariesDto {
  @ApiProperty({ description: 'The feature property holding each neighbourhood’s name', example: 'ad' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nameProperty: string;

  @ApiPropertyOptional({
    description: 'The uploaded file’s name, kept with the version',
    example: 'mahalleler.geojson',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;

  @ApiProperty({
    description:
      'A GeoJSON FeatureCollection of Polygon/MultiPolygon features (longitude, latitude; WGS 84); at most 2000 features and 400000 positions',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  geojson: Record<string, unknown>;
}
