import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class PlaceLegalHoldDto {
  /** File number, court or request that requires the conversation be kept. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
