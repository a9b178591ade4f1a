import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ErasureCounts } from '@civic/audit';

@ApiSchema({ name: 'ErasureCounts' })
export class ErasureCountsResponse implements ErasureCounts {
  @ApiProperty() conversations: number;
  @ApiProperty() messages: number;
  @ApiProperty() contacts: number;
  @ApiProperty() cases: number;
  @ApiProperty() internalNotes: number;
  @ApiProperty() mentions: number;
  @ApiProperty() mediaFilesDeleted: number;
}
