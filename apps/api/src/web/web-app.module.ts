import { join } from 'node:path';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { NextFunction, Request, Response } from 'express';
import { locateWebDist } from './web-app.locator';

/** Paths the API owns; the single-page app never answers for them, not even with its fallback. */
const API_PATHS = /^\/(api|docs|health|metrics|open311|webhooks)(\/|$|-)/;

/**
 * Serves the built web inbox at `/`. Registered in onModuleInit, after Nest mounted its routes and
 * before its 404 handler, so static files and the index.html fallback never shadow an API route.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger(WebAppModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = locateWebDist();
    if (!root) {
      this.logger.warn('Web inbox not built (apps/web/dist missing): run `npm run build:web` to serve it at /');
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<express.Express>();
    // Hashed asset names change with every build, so they may be cached for good; index.html may not.
    app.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    app.use(express.static(root, { index: false, maxAge: '1h' }));
    app.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
      if (API_PATHS.test(req.path) || !req.accepts('html')) {
        return next();
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(root, 'index.html'));
    });
  }
}
