import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { SecurityHeadersMiddleware } from '@civic/auth';
import { AppConfig } from '@civic/config';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { bodyParsers } from './common/body-parsers';
import { rejectHostileBodies } from './common/request-body.guards';
import { buildOpenApiDocument } from './openapi-document';
import { WebhookIntakeRoute } from './webhooks/webhook-intake.route';

/** Comma-separated CORS_ORIGINS; empty means same-origin only (no CORS headers at all). */
export function corsOrigins(config: AppConfig): string[] {
  return config.env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** Shared by main.ts and the tests so both serve exactly the same HTTP surface. */
export function configureHttpApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  // First of all Express middleware, so every answer carries the headers: the web app at /, /docs
  // (registered before Nest's own middleware), static files, 404s and body-parser refusals.
  app.disable('x-powered-by');
  // The case map loads its tiles from the tile server: the only other origin images may come from.
  const securityHeaders = new SecurityHeadersMiddleware([app.get(AppConfig).mapTileOrigin]);
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => securityHeaders.use(req, res, next));
  // Signed webhook deliveries are taken off the HTTP server before Express (see WebhookIntakeRoute).
  app.get(WebhookIntakeRoute).mount(app);
  // API answers are never cached (Cache-Control: no-store, SecurityHeadersMiddleware), so an ETag, a
  // hash of every JSON body, would be computed for nothing; the web inbox's static files keep theirs.
  app.set('etag', false);
  app.use(bodyParsers());
  app.use(rejectHostileBodies);
  const origins = corsOrigins(app.get(AppConfig));
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app));
  return app;
}
