import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsJWT,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { UserRole } from '@civic/domain';

/** Second sign-in step: the challenge from POST /auth/login and one of a code or a recovery code. */
export class LoginTwoFactorDto {
  @IsJWT()
  @MaxLength(2000)
  challengeToken: string;

  @IsOptional()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be the 6 digits of the authenticator app' })
  code?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class TotpCodeDto {
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be the 6 digits of the authenticator app' })
  code: string;
}

/** Proof for switching two-factor off or renewing recovery codes: the password or a current code. */
export class TwoFactorProofDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @IsOptional()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be the 6 digits of the authenticator app' })
  code?: string;
}

export class TwoFactorPolicyDto {
  @IsBoolean()
  enforced: boolean;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(UserRole), { each: true })
  roles?: UserRole[];
}
