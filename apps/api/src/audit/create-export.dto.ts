import { ArrayNotEmpty, ArrayUnique, IsArray, IsDateString, IsEnum, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CHANNELS, ExportFormat } from '@civic/domain';

export class CreateExportDto {
  @IsDateString()
  from: string;

  @IsDateString()
  to: string;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;

  @IsOptional()
  @IsUUID()
  accountId?: string;

  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(ExportFormat, { each: true })
  formats: ExportFormat[];
}
