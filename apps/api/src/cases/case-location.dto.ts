import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, MaxLength } from 'class-validator';

/** A map coordinate (WGS 84). */
export class CaseLocationDto {
  @ApiProperty({ example: 38.4622 })
  @IsLatitude({ message: 'location.latitude must be a latitude between -90 and 90' })
  latitude: number;

  @ApiProperty({ example: 27.2185 })
  @IsLongitude({ message: 'location.longitude must be a longitude between -180 and 180' })
  longitude: number;

  @ApiPropertyOptional({ example: 'Kazımdirik Mah. 372. Sokak, Bornova' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  label?: string;
}
