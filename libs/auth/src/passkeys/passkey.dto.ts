import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsJWT,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const base64url = (field: string) => ({ message: `${field} must be base64url` });

/** The authenticator's answer to navigator.credentials.create(), as @simplewebauthn/browser sends it. */
export class AttestationResponseDto {
  @IsString()
  @MaxLength(4000)
  @Matches(BASE64URL, base64url('clientDataJSON'))
  clientDataJSON: string;

  @IsString()
  @MaxLength(16000)
  @Matches(BASE64URL, base64url('attestationObject'))
  attestationObject: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @Matches(BASE64URL, base64url('authenticatorData'))
  authenticatorData?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'], { each: true })
  transports?: string[];

  @IsOptional()
  @IsInt()
  publicKeyAlgorithm?: number;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @Matches(BASE64URL, base64url('publicKey'))
  publicKey?: string;
}

/** The authenticator's answer to navigator.credentials.get(). */
export class AssertionResponseDto {
  @IsString()
  @MaxLength(4000)
  @Matches(BASE64URL, base64url('clientDataJSON'))
  clientDataJSON: string;

  @IsString()
  @MaxLength(4000)
  @Matches(BASE64URL, base64url('authenticatorData'))
  authenticatorData: string;

  @IsString()
  @MaxLength(2000)
  @Matches(BASE64URL, base64url('signature'))
  signature: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(BASE64URL, base64url('userHandle'))
  userHandle?: string;
}

abstract class CredentialDto {
  @IsString()
  @MinLength(16)
  @MaxLength(1400)
  @Matches(BASE64URL, base64url('id'))
  id: string;

  @IsString()
  @MinLength(16)
  @MaxLength(1400)
  @Matches(BASE64URL, base64url('rawId'))
  rawId: string;

  @IsIn(['public-key'])
  type: 'public-key';

  @IsObject()
  clientExtensionResults: Record<string, unknown>;

  @IsOptional()
  @IsIn(['platform', 'cross-platform'])
  authenticatorAttachment?: 'platform' | 'cross-platform';
}

export class RegistrationCredentialDto extends CredentialDto {
  @ValidateNested()
  @Type(() => AttestationResponseDto)
  response: AttestationResponseDto;
}

export class AuthenticationCredentialDto extends CredentialDto {
  @ValidateNested()
  @Type(() => AssertionResponseDto)
  response: AssertionResponseDto;
}

/** POST /auth/passkeys: the new passkey's name and the authenticator's answer to the registration options. */
export class RegisterPasskeyDto {
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(80)
  name: string;

  @ValidateNested()
  @Type(() => RegistrationCredentialDto)
  credential: RegistrationCredentialDto;
}

/** POST /auth/login/passkey/options: the challenge token of POST /auth/login. */
export class PasskeyLoginOptionsDto {
  @IsJWT()
  @MaxLength(2000)
  challengeToken: string;
}

/** POST /auth/login/passkey: the challenge token and the authenticator's assertion. */
export class PasskeyLoginDto {
  @IsJWT()
  @MaxLength(2000)
  challengeToken: string;

  @ValidateNested()
  @Type(() => AuthenticationCredentialDto)
  credential: AuthenticationCredentialDto;
}
