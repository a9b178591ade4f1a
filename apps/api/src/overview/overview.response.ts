import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Channel } from '@civic/domain';
import { CaseDayResponse } from '../cases/case-stats.response';
import { DigestSpikeResponse } from '../mentions/mention-digest.response';
import { MentionTermResponse } from '../mentions/mention-term.response';

@ApiSchema({ name: 'OverviewChannelCount' })
export class OverviewChannelCountResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() current: number;
  @ApiProperty() previous: number;
}

@ApiSchema({ name: 'OverviewMessages' })
export class OverviewMessagesResponse {
  @ApiProperty({ description: 'inbound messages this week' }) current: number;
  @ApiProperty({ description: 'inbound messages in the same span a week earlier' }) previous: number;
  @ApiProperty({ description: 'citizens (contacts) who wrote this week' }) citizens: number;
  @ApiProperty() previousCitizens: number;
  @ApiProperty({ type: [OverviewChannelCountResponse], description: 'busiest first' })
  byChannel: OverviewChannelCountResponse[];
}

@ApiSchema({ name: 'OverviewCaseCounts' })
export class OverviewCaseCountsResponse {
  @ApiProperty({ description: 'cases opened in the span' }) received: number;
  @ApiProperty({ description: 'of those, resolved now' }) resolved: number;
  @ApiProperty() rejected: number;
  @ApiProperty() open: number;
  @ApiProperty({ type: Number, nullable: true }) resolvedWithinSlaShare: number | null;
}

@ApiSchema({ name: 'OverviewCategory' })
export class OverviewCategoryResponse {
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() name: string;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
}

@ApiSchema({ name: 'OverviewCases' })
export class OverviewCasesResponse {
  @ApiProperty({ type: OverviewCaseCountsResponse }) current: OverviewCaseCountsResponse;
  @ApiProperty({ type: OverviewCaseCountsResponse }) previous: OverviewCaseCountsResponse;
  @ApiProperty({ type: [CaseDayResponse] }) perDay: CaseDayResponse[];
  @ApiProperty({ type: [OverviewCategoryResponse] }) topCategories: OverviewCategoryResponse[];
}

@ApiSchema({ name: 'OverviewLateCase' })
export class OverviewLateCaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-000123' }) caseNumber: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) locationLabel: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

@ApiSchema({ name: 'OverviewLateDepartment' })
export class OverviewLateDepartmentResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'late cases of the department' }) count: number;
  @ApiProperty({ type: [OverviewLateCaseResponse], description: 'the longest overdue few' })
  cases: OverviewLateCaseResponse[];
}

@ApiSchema({ name: 'OverviewLate' })
export class OverviewLateResponse {
  @ApiProperty({ description: 'open cases past their due date' }) total: number;
  @ApiProperty({ type: [OverviewLateDepartmentResponse] }) byDepartment: OverviewLateDepartmentResponse[];
}

@ApiSchema({ name: 'OverviewMentionDay' })
export class OverviewMentionDayResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'OverviewMentions' })
export class OverviewMentionsResponse {
  @ApiProperty() current: number;
  @ApiProperty() previous: number;
  @ApiProperty({ type: [OverviewMentionDayResponse] }) perDay: OverviewMentionDayResponse[];
  @ApiProperty({ type: [MentionTermResponse] }) topTerms: MentionTermResponse[];
  @ApiProperty({ type: [DigestSpikeResponse], description: 'spikes opened this week, and any still open' })
  spikes: DigestSpikeResponse[];
}

/** GET /api/v1/overview: this week against the same span a week earlier. */
@ApiSchema({ name: 'WeekOverview' })
export class OverviewResponse {
  @ApiProperty({ example: 'Europe/Istanbul' }) timeZone: string;
  @ApiProperty({ format: 'date-time', description: 'start of the local day six days ago' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ format: 'date-time' }) previousFrom: string;
  @ApiProperty({ format: 'date-time' }) previousTo: string;
  @ApiProperty({ type: OverviewMessagesResponse }) messages: OverviewMessagesResponse;
  @ApiProperty({ type: OverviewCasesResponse }) cases: OverviewCasesResponse;
  @ApiProperty({ type: OverviewLateResponse }) late: OverviewLateResponse;
  @ApiProperty({ type: OverviewMentionsResponse }) mentions: OverviewMentionsResponse;
}
