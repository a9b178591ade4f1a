import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'RoutingRuleMatch' })
export class RoutingRuleMatchResponse {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: [String] }) matchedKeywords: string[];
  @ApiProperty({ description: 'Distinct matched keywords × the rule’s weight' }) score: number;
}

/** Which active rules a sample text matches, best first (the first one wins the suggestion). */
@ApiSchema({ name: 'RoutingRuleTrial' })
export class RoutingRuleTrialResponse {
  @ApiProperty({ type: [RoutingRuleMatchResponse] }) matches: RoutingRuleMatchResponse[];
}
