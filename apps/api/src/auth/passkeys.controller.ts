import { Body, Controller, Get, Headers, HttpCode, Ip, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '@civic/audit';
import {
  AllowedDuringEnrolment,
  AuthPrincipal,
  CurrentPrincipal,
  LoginLockedError,
  PasskeyLoginDto,
  PasskeyLoginOptionsDto,
  PasskeyLoginService,
  EmptyBodyDto,
  PasskeyService,
  Public,
  RegisterPasskeyDto,
  relyingPartyFor,
  RelyingParty,
  TwoFactorPolicyService,
  TwoFactorProofDto,
  TwoFactorService,
  SelfService,
} from '@civic/auth';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { PasskeyRegisteredResponse } from './passkey-registered.response';
import { PasskeyResponse } from './passkey.response';
import { TokenResponse } from './token.response';

/** Passkeys (WebAuthn) as a second factor: registration, list and removal, and the passkey sign-in step. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeyService,
    private readonly login: PasskeyLoginService,
    private readonly twoFactor: TwoFactorService,
    private readonly policy: TwoFactorPolicyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login/passkey/options')
  @HttpCode(200)
  @ApiOperation({ summary: 'Options for navigator.credentials.get() for a sign-in answered with twoFactorRequired' })
  @ApiOkResponse({
    description: 'PublicKeyCredential options for the browser (WebAuthn JSON)',
    schema: {
      type: 'object',
      required: ['challenge'],
      properties: { challenge: { type: 'string' } },
      additionalProperties: true,
    },
  })
  async loginOptions(
    @Body() body: PasskeyLoginOptionsDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.lockoutAware(res, () => this.login.options(body.challengeToken, this.relyingParty(req)));
  }

  @Public()
  @Post('login/passkey')
  @HttpCode(200)
  @ApiOperation({ summary: "Completes the sign-in with the assertion of one of the user's passkeys" })
  @ApiOkResponse({ type: TokenResponse })
  async loginWithPasskey(
    @Body() body: PasskeyLoginDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.lockoutAware(res, async () => {
      const { session, passkey } = await this.login.complete(
        body,
        this.relyingParty(req),
        ip ?? null,
        userAgent ?? null,
      );
      const { user } = session;
      await this.audit.record({
        organizationId: user.organizationId,
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        after: { ip: ip ?? null, secondFactor: 'passkey', passkeyId: passkey.id },
      });
      return session;
    });
  }

  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Get('passkeys')
  @ApiOkResponse({ type: [PasskeyResponse] })
  list(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.passkeys.list(principal.userId);
  }

  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Post('passkeys/registration-options')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Options for navigator.credentials.create(); the challenge is good for one registration within 5 minutes',
  })
  @ApiOkResponse({
    description: 'PublicKeyCredential options for the browser (WebAuthn JSON)',
    schema: {
      type: 'object',
      required: ['challenge'],
      properties: { challenge: { type: 'string' } },
      additionalProperties: true,
    },
  })
  registrationOptions(@CurrentPrincipal() principal: AuthPrincipal, @Body() _body: EmptyBodyDto, @Req() req: Request) {
    assertPerson(principal);
    return this.passkeys.registrationOptions(principal, this.relyingParty(req));
  }

  /** The first second factor also answers the ten recovery codes, once. */
  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Post('passkeys')
  @ApiOperation({ summary: "Registers a passkey from the authenticator's answer to the registration options" })
  @ApiCreatedResponse({ type: PasskeyRegisteredResponse })
  async register(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: RegisterPasskeyDto, @Req() req: Request) {
    assertPerson(principal);
    const registered = await this.passkeys.register(principal, body, this.relyingParty(req));
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.passkey.registered',
      targetType: 'user',
      targetId: principal.userId,
      after: { passkeyId: registered.passkey.id, name: registered.passkey.name, synced: registered.passkey.synced },
    });
    return registered;
  }

  /** Needs the password or a current code; the organization's requirement keeps the last second factor. */
  @ApiBearerAuth()
  @SelfService()
  @Post('passkeys/:id/remove')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentPrincipal() principal: AuthPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TwoFactorProofDto,
  ) {
    assertPerson(principal);
    const [policy, status] = await Promise.all([
      this.policy.get(principal.organizationId),
      this.twoFactor.status(principal.userId),
    ]);
    const required = policy.enforced && principal.roles.some((r) => policy.roles.includes(r));
    if (required && !status.totpEnabled && status.passkeys <= 1) {
      throw new DomainError(ErrorCode.TwoFactorLastMethod);
    }
    const removed = await this.passkeys.remove(principal.userId, id, body);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.passkey.removed',
      targetType: 'user',
      targetId: principal.userId,
      before: { passkeyId: removed.id, name: removed.name },
    });
  }

  /** PUBLIC_URL (and WEBAUTHN_RP_ID), else the origin this request came to. */
  private relyingParty(req: Request): RelyingParty {
    return relyingPartyFor(this.config.env, `${req.protocol}://${req.get('host')}`);
  }

  private async lockoutAware<T>(res: Response, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof LoginLockedError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }
}

function assertPerson(principal: AuthPrincipal): void {
  if (principal.apiTokenId) {
    throw new DomainError(ErrorCode.ApiTokenCannotChangePasskeys);
  }
}
