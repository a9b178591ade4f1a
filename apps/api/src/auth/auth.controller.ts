import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuditService } from '@civic/audit';
import {
  AllowedDuringEnrolment,
  AuthPrincipal,
  AuthService,
  CurrentPrincipal,
  LoginDto,
  LoginLockedError,
  Public,
  RefreshTokenDto,
  SelfService,
} from '@civic/auth';
import { PrincipalResponse } from './principal.response';
import { TokenResponse } from './token.response';
import { TwoFactorChallengeResponse } from './two-factor-challenge.response';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiExtraModels(TokenResponse, TwoFactorChallengeResponse)
  @ApiOkResponse({
    description: 'The tokens, or a two-factor challenge',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenResponse) }, { $ref: getSchemaPath(TwoFactorChallengeResponse) }] },
  })
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    try {
      const session = await this.auth.login(body.email, body.password, ip ?? null, userAgent ?? null);
      // Two-factor: the sign-in (and its audit entry) completes at POST login/two-factor.
      if ('twoFactorRequired' in session) {
        return session;
      }
      // Failed attempts are kept in login_attempt (lockout); the audit trail records who signed in.
      await this.audit.record({
        organizationId: session.user.organizationId,
        actorUserId: session.user.id,
        actorLabel: session.user.email,
        action: 'auth.login',
        targetType: 'user',
        targetId: session.user.id,
        after: { ip: ip ?? null },
      });
      return session;
    } catch (error) {
      if (error instanceof LoginLockedError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  /** Trades a refresh token for a new access token and a new refresh token; the old one stops working. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshTokenDto) {
    return this.auth.refresh(body.refreshToken);
  }

  /** Revokes the refresh token's whole session; the short-lived access token simply expires. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  logout(@Body() body: RefreshTokenDto) {
    return this.auth.logout(body.refreshToken);
  }

  @ApiBearerAuth()
  @AllowedDuringEnrolment()
  @SelfService()
  @Get('me')
  @ApiOkResponse({ type: PrincipalResponse })
  me(@CurrentPrincipal() principal: AuthPrincipal) {
    return principal;
  }
}
