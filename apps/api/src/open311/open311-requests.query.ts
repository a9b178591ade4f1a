import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Open311RequestFilter } from './open311.service';

/** GET /open311/v2/:organizationSlug/requests.json (GeoReport v2 parameter names). */
export class Open311RequestsQuery {
  @ApiPropertyOptional({
    description: 'Comma-separated request numbers (case numbers such as 2026-000123); overrides every other parameter',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d+(,\d{4}-\d+)*$/, {
    message: 'service_request_id must be a comma-separated list of request numbers such as 2026-000123',
  })
  @MaxLength(2000)
  service_request_id?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) service_code?: string;
  @ApiPropertyOptional({ description: 'W3C date-time; default 90 days ago' })
  @IsOptional()
  @IsISO8601({}, { message: 'start_date must be a W3C date-time' })
  start_date?: string;
  @ApiPropertyOptional({ description: 'W3C date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'end_date must be a W3C date-time' })
  end_date?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'status must be open or closed' })
  status?: 'open' | 'closed';

  toFilter(): Open311RequestFilter {
    return {
      serviceRequestIds: this.service_request_id?.split(','),
      serviceCode: this.service_code,
      startDate: this.start_date ? new Date(this.start_date) : undefined,
      endDate: this.end_date ? new Date(this.end_date) : undefined,
      status: this.status,
    };
  }
}
