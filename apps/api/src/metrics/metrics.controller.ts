import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { DomainError, ErrorCode } from '@civic/errors';
import { metricsScrapeAllowed } from '@civic/metrics';

/**
 * Prometheus scrape endpoint. Public to the user login (Prometheus has no user), but switched off
 * with METRICS_ENABLED=false and guarded by a bearer token when METRICS_TOKEN is set.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: Registry,
  ) {}

  @Public()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    if (this.config.env.METRICS_ENABLED === false) {
      throw new DomainError(ErrorCode.RouteNotFound);
    }
    if (!metricsScrapeAllowed(authorization, this.config.env.METRICS_TOKEN)) {
      throw new DomainError(ErrorCode.MetricsTokenInvalid);
    }
    res.setHeader('content-type', this.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    return this.registry.metrics();
  }
}
