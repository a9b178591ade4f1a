import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.service';
import { Clock } from './clock';

@Global()
@Module({})
export class ConfigModule {
  /** `overrides` lets a test or the embedded database inject values without touching process.env. */
  static forRoot(overrides: Record<string, unknown> = {}): DynamicModule {
    const config = new AppConfig({ ...process.env, ...overrides });
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, Clock],
      exports: [AppConfig, Clock],
    };
  }
}
