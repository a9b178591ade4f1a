import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class LinkContactDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  otherContactId: string;
}
