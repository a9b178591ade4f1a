import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@civic/audit';
import {
  AllowedDuringEnrolment,
  AuthPrincipal,
  CurrentPrincipal,
  EmptyBodyDto,
  LoginLockedError,
  LoginTwoFactorDto,
  Public,
  Roles,
  TotpCodeDto,
  TwoFactorLoginService,
  TwoFactorPolicyDto,
  TwoFactorPolicyService,
  TwoFactorProofDto,
  TwoFactorService,
  SelfService,
} from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { RecoveryCodesResponse } from './recovery-codes.response';
import { TokenResponse } from './token.response';
import { TotpSetupResponse } from './totp-setup.response';
import { TwoFactorPolicyResponse } from './two-factor-policy.response';
import { TwoFactorStatusResponse } from './two-factor-status.response';

/** TOTP enrolment, recovery codes, the second sign-in step and the organization's requirement. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly login: TwoFactorLoginService,
    private readonly policy: TwoFactorPolicyService,
    private readonly audit: AuditService,
  ) {}

  /** Completes a sign-in answered with twoFactorRequired: the challenge and a TOTP code or a recovery code. */
  @Public()
  @Post('login/two-factor')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse })
  async loginTwoFactor(
    @Body() body: LoginTwoFactorDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    try {
      const { session, method, recoveryCodesLeft } = await this.login.complete(body, ip ?? null, userAgent ?? null);
      const { user } = session;
      const base = {
        organizationId: user.organizationId,
        actorUserId: user.id,
        actorLabel: user.email,
        targetType: 'user',
        targetId: user.id,
      };
      if (method === 'recovery') {
        await this.audit.record({
          ...base,
          action: 'auth.two_factor.recovery_code_used',
          after: { recoveryCodesLeft },
        });
      }
      await this.audit.record({ ...base, action: 'auth.login', after: { ip: ip ?? null, secondFactor: method } });
      return { ...session, ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) };
    } catch (error) {
      if (error instanceof LoginLockedError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Get('two-factor')
  @ApiOkResponse({ type: TwoFactorStatusResponse })
  async status(@CurrentPrincipal() principal: AuthPrincipal) {
    const [status, policy] = await Promise.all([
      this.twoFactor.status(principal.userId),
      this.policy.get(principal.organizationId),
    ]);
    return {
      ...status,
      enrolmentRequired: principal.twoFactorEnrolmentRequired ?? false,
      requiredByOrganization: policy.enforced && principal.roles.some((r) => policy.roles.includes(r)),
    };
  }

  /** A new secret as a QR code and as text; nothing changes for sign-in until it is confirmed. */
  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Post('two-factor/totp/setup')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpSetupResponse })
  setup(@CurrentPrincipal() principal: AuthPrincipal, @Body() _body: EmptyBodyDto) {
    assertPerson(principal);
    return this.twoFactor.beginTotp(principal);
  }

  /** The first valid code switches TOTP on; the ten recovery codes are in this answer only. */
  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Post('two-factor/totp/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesResponse })
  async confirm(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: TotpCodeDto) {
    assertPerson(principal);
    const recoveryCodes = await this.twoFactor.confirmTotp(principal.userId, body.code);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.two_factor.enabled',
      targetType: 'user',
      targetId: principal.userId,
      after: { method: 'totp' },
    });
    return { recoveryCodes };
  }

  @ApiBearerAuth()
  @SelfService()
  @Post('two-factor/totp/disable')
  @HttpCode(204)
  @ApiNoContentResponse()
  async disable(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: TwoFactorProofDto) {
    assertPerson(principal);
    const policy = await this.policy.get(principal.organizationId);
    // A passkey left keeps the requirement met.
    if (
      policy.enforced &&
      principal.roles.some((r) => policy.roles.includes(r)) &&
      !(await this.twoFactor.status(principal.userId)).passkeys
    ) {
      throw new DomainError(ErrorCode.TwoFactorRequiredByPolicy);
    }
    await this.twoFactor.disableTotp(principal.userId, body);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.two_factor.disabled',
      targetType: 'user',
      targetId: principal.userId,
      after: { method: 'totp' },
    });
  }

  @ApiBearerAuth()
  @SelfService()
  @Post('two-factor/recovery-codes')
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesResponse })
  async regenerate(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: TwoFactorProofDto) {
    assertPerson(principal);
    const recoveryCodes = await this.twoFactor.regenerateRecoveryCodes(principal.userId, body);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.two_factor.recovery_codes_renewed',
      targetType: 'user',
      targetId: principal.userId,
    });
    return { recoveryCodes };
  }

  @ApiBearerAuth()
  @Roles(UserRole.Admin)
  @Get('two-factor/policy')
  @ApiOkResponse({ type: TwoFactorPolicyResponse })
  getPolicy(@CurrentPrincipal() principal: AuthPrincipal) {
    return this.policy.get(principal.organizationId);
  }

  /** Requires two-factor for the roles (administrators and auditors unless given). */
  @ApiBearerAuth()
  @Roles(UserRole.Admin)
  @Put('two-factor/policy')
  @ApiOkResponse({ type: TwoFactorPolicyResponse })
  async setPolicy(@CurrentPrincipal() principal: AuthPrincipal, @Body() body: TwoFactorPolicyDto) {
    const before = await this.policy.get(principal.organizationId);
    const after = await this.policy.set(principal, body);
    await this.audit.record({
      organizationId: principal.organizationId,
      actorUserId: principal.userId,
      action: 'auth.two_factor.policy_updated',
      targetType: 'organization',
      targetId: principal.organizationId,
      before,
      after,
    });
    return after;
  }
}

function assertPerson(principal: AuthPrincipal): void {
  if (principal.apiTokenId) {
    throw new DomainError(ErrorCode.ApiTokenCannotChangeTwoFactor);
  }
}
