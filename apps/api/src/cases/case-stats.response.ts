import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CaseStats } from '@civic/cases';
import { CaseSource, Channel } from '@civic/domain';
import { SatisfactionStatsResponse } from './case-satisfaction-stats.response';
import { WorkingTimeStatsResponse } from './working-time-stats.response';

@ApiSchema({ name: 'CaseCounts' })
export class CaseCountsResponse {
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'new, assigned, in progress or forwarded' }) open: number;
}

@ApiSchema({ name: 'Durations' })
export class DurationsResponse {
  @ApiProperty({ type: Number, nullable: true }) median: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90: number | null;
}

@ApiSchema({ name: 'CaseCountsByDepartment' })
export class CaseCountsByDepartmentResponse extends CaseCountsResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'Of these cases, open and due soon now (75 % of the time to the due date gone)' })
  atRisk: number;
  @ApiProperty({ description: 'Of these cases, open and past their due date now' }) overdue: number;
}

@ApiSchema({ name: 'CaseCountsByCategory' })
export class CaseCountsByCategoryResponse extends CaseCountsResponse {
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'CaseCountsByChannel' })
export class CaseCountsByChannelResponse extends CaseCountsResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
}

@ApiSchema({ name: 'CaseCountsByAccount' })
export class CaseCountsByAccountResponse extends CaseCountsResponse {
  @ApiProperty({ format: 'uuid' }) channelAccountId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
}

@ApiSchema({ name: 'CaseCountsBySource' })
export class CaseCountsBySourceResponse extends CaseCountsResponse {
  @ApiProperty({ enum: CaseSource, enumName: 'CaseSource' }) source: CaseSource;
}

@ApiSchema({ name: 'CaseCountsByNeighbourhood' })
export class CaseCountsByNeighbourhoodResponse extends CaseCountsResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: cases without a neighbourhood' })
  neighbourhoodId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

@ApiSchema({ name: 'CaseDay' })
export class CaseDayResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
}

/** GET /api/v1/cases/stats: cases opened in [from, to). */
@ApiSchema({ name: 'CaseStats' })
export class CaseStatsResponse extends CaseCountsResponse implements CaseStats {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Cases resolved at least once, even if reopened since' }) resolvedEver: number;
  @ApiProperty() resolvedWithinSla: number;
  @ApiProperty({ type: Number, nullable: true }) resolvedWithinSlaShare: number | null;
  @ApiProperty({ type: DurationsResponse }) timeToResolutionHours: DurationsResponse;
  @ApiProperty({ type: DurationsResponse }) timeToFinalResolutionHours: DurationsResponse;
  @ApiProperty({ type: [CaseCountsByDepartmentResponse] }) byDepartment: CaseCountsByDepartmentResponse[];
  @ApiProperty({ type: [CaseCountsByCategoryResponse] }) byCategory: CaseCountsByCategoryResponse[];
  @ApiProperty({ type: [CaseCountsByChannelResponse] }) byChannel: CaseCountsByChannelResponse[];
  @ApiProperty({ type: [CaseCountsByAccountResponse] }) byAccount: CaseCountsByAccountResponse[];
  @ApiProperty({
    type: [CaseCountsBySourceResponse],
    description: 'Social cases and those recorded by hand, by source',
  })
  bySource: CaseCountsBySourceResponse[];
  @ApiProperty({ type: [CaseCountsByNeighbourhoodResponse], description: 'Cases by neighbourhood (mahalle)' })
  byNeighbourhood: CaseCountsByNeighbourhoodResponse[];
  @ApiProperty() responded: number;
  @ApiProperty({ type: DurationsResponse }) timeToFirstResponseHours: DurationsResponse;
  @ApiProperty({ example: 'Europe/Istanbul' }) timeZone: string;
  @ApiProperty({ type: [CaseDayResponse] }) perDay: CaseDayResponse[];
  @ApiProperty({ type: WorkingTimeStatsResponse, description: 'The times above in working hours' })
  workingHours: WorkingTimeStatsResponse;
  @ApiProperty({ type: SatisfactionStatsResponse }) satisfaction: SatisfactionStatsResponse;
}
