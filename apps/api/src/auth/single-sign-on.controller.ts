import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '@civic/audit';
import {
  AuthService,
  Public,
  SingleSignOnExchangeDto,
  SingleSignOnService,
  SingleSignOnSettingsService,
  SSO_FLOW_COOKIE,
} from '@civic/auth';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { SingleSignOnOptionsResponse } from './single-sign-on-options.response';
import { TokenResponse } from './token.response';

const FLOW_COOKIE_PATH = '/api/v1/auth/sso';

/**
 * OpenID Connect sign-in: start redirects to the organization's identity provider, the callback
 * hands the web app a one-time code in the URL fragment (never sent to a server, removed by the web
 * app at once), and the web app trades it for the tokens with a POST.
 */
@ApiTags('auth')
@Controller('api/v1/auth/sso')
export class SingleSignOnController {
  constructor(
    private readonly sso: SingleSignOnService,
    private readonly settings: SingleSignOnSettingsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Organizations that offer single sign-on, for the sign-in screen' })
  @ApiOkResponse({ type: SingleSignOnOptionsResponse })
  options() {
    return this.settings.signInOptions();
  }

  @Public()
  @Get(':organizationSlug/start')
  @ApiOperation({ summary: "Redirects to the organization's identity provider" })
  @ApiFoundResponse({ description: 'Redirect to the identity provider' })
  async start(@Param('organizationSlug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { authorizationUrl, flowCookie } = await this.sso.start(slug, this.baseUrl(req));
    res.cookie(SSO_FLOW_COOKIE, flowCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.baseUrl(req).startsWith('https:'),
      path: FLOW_COOKIE_PATH,
      maxAge: 10 * 60_000,
    });
    res.redirect(302, authorizationUrl);
  }

  @Public()
  @Get(':organizationSlug/callback')
  @ApiOperation({ summary: 'The redirect URI registered at the identity provider' })
  @ApiFoundResponse({ description: 'Redirect to the web app with a one-time code' })
  async callback(
    @Param('organizationSlug') slug: string,
    @Ip() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const base = this.baseUrl(req);
    const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const outcome = await this.sso.callback(slug, base, rawQuery, flowCookieOf(req));
    res.clearCookie(SSO_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    if (!outcome.ok) {
      if (outcome.organizationId) {
        await this.audit.record({
          organizationId: outcome.organizationId,
          actorUserId: null,
          actorLabel: outcome.email ?? 'sso',
          action: 'auth.login_refused',
          targetType: 'user',
          after: { method: 'sso', reason: outcome.reason, ip: ip ?? null },
        });
      }
      res.redirect(302, `${base}/#sso-error=${outcome.reason}`);
      return;
    }
    const { user } = outcome;
    if (outcome.created) {
      await this.audit.record({
        organizationId: outcome.organizationId,
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        after: {
          email: user.email,
          roles: outcome.after.roles,
          channelAccountIds: outcome.after.channelAccountIds,
          by: 'sso',
        },
      });
    }
    await this.audit.record({
      organizationId: outcome.organizationId,
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      before: outcome.before,
      after: {
        ip: ip ?? null,
        method: 'sso',
        roles: outcome.after.roles,
        channelAccountIds: outcome.after.channelAccountIds,
      },
    });
    res.redirect(302, `${base}/#sso-code=${outcome.code}`);
  }

  @Public()
  @Post('exchange')
  @HttpCode(200)
  @ApiOperation({ summary: "Trades the callback's one-time code for the session's tokens" })
  @ApiOkResponse({ type: TokenResponse })
  async exchange(
    @Body() body: SingleSignOnExchangeDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ) {
    const user = await this.sso.redeem(body.code);
    if (!user) {
      throw new DomainError(ErrorCode.SsoCodeInvalid);
    }
    return this.auth.openSession(user, { ip: ip ?? null, userAgent: userAgent ?? null, authMethod: 'sso' });
  }

  /** Where the browser reaches civic-inbox: PUBLIC_URL, else this request's own origin. */
  private baseUrl(req: Request): string {
    return (this.config.env.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
  }
}

function flowCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SSO_FLOW_COOKIE) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}
