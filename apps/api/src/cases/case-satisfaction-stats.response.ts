import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { SatisfactionFigures, SatisfactionStats } from '@civic/cases';
import { Channel } from '@civic/domain';

@ApiSchema({ name: 'SatisfactionFigures' })
export class SatisfactionFiguresResponse implements SatisfactionFigures {
  @ApiProperty({ description: 'Questions asked (one per case resolution)' }) asked: number;
  @ApiProperty() answered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'answered / asked' }) responseRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean rating 1-5' }) average: number | null;
  @ApiProperty({
    type: [Number],
    minItems: 5,
    maxItems: 5,
    description: 'How many answers gave 1, 2, 3, 4 and 5',
  })
  distribution: [number, number, number, number, number];
  @ApiProperty({ description: 'Answers saying the problem was not solved (the case was reopened)' })
  notSolved: number;
}

@ApiSchema({ name: 'SatisfactionByDepartment' })
export class SatisfactionByDepartmentResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

@ApiSchema({ name: 'SatisfactionByCategory' })
export class SatisfactionByCategoryResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'SatisfactionByChannel' })
export class SatisfactionByChannelResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ enum: Channel, enumName: 'Channel' }) channel: Channel;
}

@ApiSchema({ name: 'SatisfactionByExternalBody' })
export class SatisfactionByExternalBodyResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ format: 'uuid' }) externalBodyId: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'SatisfactionByOfficer' })
export class SatisfactionByOfficerResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
}

@ApiSchema({ name: 'SatisfactionByNeighbourhood' })
export class SatisfactionByNeighbourhoodResponse extends SatisfactionFiguresResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: cases without a neighbourhood' })
  neighbourhoodId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

/** The citizens' ratings (memnuniyet) of the cases in the statistics period. */
@ApiSchema({ name: 'SatisfactionStats' })
export class SatisfactionStatsResponse extends SatisfactionFiguresResponse implements SatisfactionStats {
  @ApiProperty({ type: [SatisfactionByDepartmentResponse] }) byDepartment: SatisfactionByDepartmentResponse[];
  @ApiProperty({ type: [SatisfactionByCategoryResponse] }) byCategory: SatisfactionByCategoryResponse[];
  @ApiProperty({ type: [SatisfactionByChannelResponse] }) byChannel: SatisfactionByChannelResponse[];
  @ApiProperty({ type: [SatisfactionByExternalBodyResponse] }) byExternalBody: SatisfactionByExternalBodyResponse[];
  @ApiProperty({ type: [SatisfactionByOfficerResponse] }) byOfficer: SatisfactionByOfficerResponse[];
  @ApiProperty({ type: [SatisfactionByNeighbourhoodResponse] })
  byNeighbourhood: SatisfactionByNeighbourhoodResponse[];
}
