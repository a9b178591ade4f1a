import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'BriefingDays' })
export class BriefingDaysResponse {
  @ApiProperty({ example: '2026-11-01', description: 'First local day' }) from: string;
  @ApiProperty({ example: '2026-11-30', description: 'Last local day, included' }) to: string;
}

@ApiSchema({ name: 'BriefingPeriod' })
export class BriefingPeriodResponse extends BriefingDaysResponse {
  @ApiProperty() days: number;
}

@ApiSchema({ name: 'BriefingNeighbourhood' })
export class BriefingNeighbourhoodResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'BriefingFigures' })
export class BriefingFiguresResponse {
  @ApiProperty({ description: 'Requests opened in the period' }) received: number;
  @ApiProperty({ description: 'Requests resolved in the period (and still resolved)' }) resolved: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean rating 1-5 of the answers given in the period' })
  satisfactionAverage: number | null;
  @ApiProperty({ description: 'Ratings given in the period' }) satisfactionCount: number;
}

@ApiSchema({ name: 'BriefingCategory' })
export class BriefingCategoryResponse {
  @ApiProperty() name: string;
  @ApiProperty() received: number;
  @ApiProperty({ description: 'Of those received, resolved now' }) resolved: number;
}

@ApiSchema({ name: 'BriefingLateCase' })
export class BriefingLateCaseResponse {
  @ApiProperty({ format: 'uuid', description: 'The case, for a link to it' }) id: string;
  @ApiProperty({ example: 'KY-2026-000123' }) caseNumber: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) neighbourhood: string | null;
  @ApiProperty({ description: 'Whole days past the due date' }) daysLate: number;
}

@ApiSchema({ name: 'BriefingLate' })
export class BriefingLateResponse {
  @ApiProperty({ description: 'Open requests past their due date now' }) count: number;
  @ApiProperty({ type: [BriefingLateCaseResponse], description: 'The longest overdue few' })
  oldest: BriefingLateCaseResponse[];
}

@ApiSchema({ name: 'BriefingMentionExcerpt' })
export class BriefingMentionExcerptResponse {
  @ApiProperty() channel: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ description: 'Short, without handles, names, phone numbers or e-mail addresses' }) text: string;
}

@ApiSchema({ name: 'BriefingMentions' })
export class BriefingMentionsResponse {
  @ApiProperty({ description: 'Mentions in the period naming the place (all of them for the district)' })
  current: number;
  @ApiProperty() previous: number;
  @ApiProperty({ type: [BriefingMentionExcerptResponse] }) excerpts: BriefingMentionExcerptResponse[];
}

@ApiSchema({ name: 'BriefingOutline' })
export class BriefingOutlineResponse {
  @ApiProperty() name: string;
  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon, longitude first',
    type: 'object',
    additionalProperties: true,
  })
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

@ApiSchema({ name: 'BriefingMapDot' })
export class BriefingMapDotResponse {
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ description: 'Past its due date' }) late: boolean;
}

@ApiSchema({ name: 'BriefingMap' })
export class BriefingMapResponse {
  @ApiProperty({ type: [BriefingOutlineResponse] }) outlines: BriefingOutlineResponse[];
  @ApiProperty({ type: [BriefingMapDotResponse], description: 'Open requests with a pin (rounded to about 10 m)' })
  openCases: BriefingMapDotResponse[];
}

/** GET /api/v1/briefing */
@ApiSchema({ name: 'Briefing' })
export class BriefingResponse {
  @ApiProperty({ example: 'Europe/Istanbul' }) timeZone: string;
  @ApiProperty({ type: BriefingPeriodResponse }) period: BriefingPeriodResponse;
  @ApiProperty({ type: BriefingDaysResponse, description: 'The same number of days just before' })
  previousPeriod: BriefingDaysResponse;
  @ApiProperty({ type: BriefingNeighbourhoodResponse, nullable: true, description: 'null: the whole district' })
  neighbourhood: BriefingNeighbourhoodResponse | null;
  @ApiProperty({ type: BriefingFiguresResponse }) current: BriefingFiguresResponse;
  @ApiProperty({ type: BriefingFiguresResponse }) previous: BriefingFiguresResponse;
  @ApiProperty({ description: 'Open requests now' }) openNow: number;
  @ApiProperty({ type: [BriefingCategoryResponse] }) topCategories: BriefingCategoryResponse[];
  @ApiProperty({ type: BriefingLateResponse }) late: BriefingLateResponse;
  @ApiProperty({ type: BriefingMentionsResponse }) mentions: BriefingMentionsResponse;
  @ApiProperty({ type: BriefingMapResponse }) map: BriefingMapResponse;
}
