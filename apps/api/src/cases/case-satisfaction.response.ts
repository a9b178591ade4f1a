import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { CaseSatisfactionView } from '@civic/cases';

/** The citizen's answer to the satisfaction question of the case's latest resolution. */
@ApiSchema({ name: 'CaseSatisfaction' })
export class CaseSatisfactionResponse implements CaseSatisfactionView {
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'The citizen said the problem is not solved (the case was reopened)' })
  notSolved: boolean;
  @ApiProperty({ format: 'date-time' }) askedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}
