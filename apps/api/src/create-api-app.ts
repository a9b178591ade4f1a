import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiModuleOptions } from './api.module';
import { ApiModule } from './api.module';
import { configureHttpApp } from './configure-http-app';

/** Builds the api (optionally with the worker in the same process), ready to listen. */
export async function createApiApp(options: ApiModuleOptions = {}): Promise<NestExpressApplication> {
  // Bodies are parsed by configureHttpApp (a limit per route, the raw bytes kept for signed case updates);
  // Meta and X deliveries take WebhookIntakeRoute, which reads the bytes itself.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttpApp(app);
  return app;
}
