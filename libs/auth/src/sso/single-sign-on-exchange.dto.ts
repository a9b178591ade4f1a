import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** POST /api/v1/auth/sso/exchange: the one-time code the callback gave the web app. */
export class SingleSignOnExchangeDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{40,64}$/, { message: 'code must be the code from the sign-in redirect' })
  code: string;
}
