import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * POST /open311/v2/:organizationSlug/requests.json, as GeoReport v2 names the fields; sent
 * form-encoded (the standard) or as JSON. Documentation only: the route reads the body itself so
 * every problem is answered in the GeoReport error format, naming its field.
 */
@ApiSchema({ name: 'Open311PostRequest' })
export class Open311PostRequestDto {
  @ApiProperty({ description: 'The client key an administrator issued (o311_…)' }) api_key: string;
  @ApiProperty({ description: 'An active service code from services.json', example: 'yol-cukur' })
  service_code: string;
  @ApiPropertyOptional({ description: 'WGS84 latitude; with long, or give address_string / address_id' })
  lat?: number;
  @ApiPropertyOptional({ description: 'WGS84 longitude' }) long?: number;
  @ApiPropertyOptional({ maxLength: 500 }) address_string?: string;
  @ApiPropertyOptional({ maxLength: 100 }) address_id?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) description?: string;
  @ApiPropertyOptional({ description: 'An http(s) link to a photo; stored as a link, never fetched' })
  media_url?: string;
  @ApiPropertyOptional({ description: 'The citizen hears about the request here (never published)' })
  email?: string;
  @ApiPropertyOptional() first_name?: string;
  @ApiPropertyOptional() last_name?: string;
  @ApiPropertyOptional({ description: 'A Turkish or international (+) number' }) phone?: string;
  @ApiPropertyOptional() device_id?: string;
  @ApiPropertyOptional() account_id?: string;
}
