import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ReplyTemplateDto } from '../replies/send-reply.dto';

/** POST /api/v1/cases/:id/notify: tell the citizen the outcome of a resolved or rejected case. */
export class NotifyCitizenDto {
  @ApiPropertyOptional({ description: 'Text sent to the citizen; default: the Turkish outcome text' })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  message?: string;

  @ApiPropertyOptional({
    type: ReplyTemplateDto,
    description: 'WhatsApp approved template (needed outside the 24-hour window)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReplyTemplateDto)
  template?: ReplyTemplateDto;
}
