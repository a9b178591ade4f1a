import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@civic/config';
import { DatabaseModule } from '@civic/database';
import { AuthModule } from '@civic/auth';
import { WorkerModule } from './worker.module';

/** The worker as its own process (`npm run start:worker`): no HTTP, same database. */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggerModule.forRootAsync({ useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.env.LOG_LEVEL } }), inject: [AppConfig] }),
    DatabaseModule.forRoot(),
    AuthModule,
    WorkerModule,
  ],
})
export class WorkerAppModule {}
