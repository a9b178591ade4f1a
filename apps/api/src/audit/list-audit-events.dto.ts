import { Transform } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListAuditEventsDto {
  @IsOptional()
  @IsDateString()
  from?: string;

  @IsOptional()
  @IsDateString()
  to?: string;

  /** Exact action, or a prefix with ".*" (e.g. "export.*"). */
  @IsOptional()
  @IsString()
  action?: string;

  /** A user id or an actor label (e-mail, "system"). */
  @IsOptional()
  @IsString()
  actor?: string;

  /** "type:id" (e.g. "conversation:…") or a bare target id. */
  @IsOptional()
  @IsString()
  target?: string;

  /** Every event about one kind of record ("case", "conversation", "user", "channel_account"…). */
  @IsOptional()
  @Matches(/^[a-z][a-z_]*$/, { message: 'targetType must be a record kind such as "case" or "channel_account"' })
  targetType?: string;

  /** Keyset cursor: the nextCursor of the previous page. */
  @IsOptional()
  @Matches(/^\d+$/, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
