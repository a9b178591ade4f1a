import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** POST /api/v1/routing-rules/try */
export class TryRoutingRulesDto {
  @ApiProperty({ example: 'Sokağımızdaki çukurlar çok derin, asfalt bozuk' })
  @IsString()
  @Length(1, 5000)
  text: string;
}
