import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@civic/auth';
import { AppConfig, ConfigModule } from '@civic/config';
import { DatabaseModule, redactingErrSerializer } from '@civic/database';
import { MetricsModule } from '@civic/metrics';
import { prettyLogStream, READABLE_HOOKS } from '../../api/src/logging';
import { WorkerMetricsServer } from './worker-metrics.server';
import { WorkerModule } from './worker.module';

/** The worker as its own process (`npm run start:worker`): same database; HTTP only for its metrics (WORKER_METRICS_PORT). */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggerModule.forRootAsync({
      useFactory: (config: AppConfig) => {
        const options = { level: config.env.LOG_LEVEL, serializers: { err: redactingErrSerializer } };
        return {
          pinoHttp:
            config.logFormat === 'pretty' ? [{ ...options, hooks: READABLE_HOOKS }, prettyLogStream()] : options,
        };
      },
      inject: [AppConfig],
    }),
    DatabaseModule.forRoot(),
    AuthModule,
    MetricsModule,
    WorkerModule,
  ],
  providers: [WorkerMetricsServer],
})
export class WorkerAppModule {}
