import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DatabaseGaugesCollector, MetricsModule } from '@civic/metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { HttpMetrics } from './http-metrics.service';
import { MetricsController } from './metrics.controller';

/** GET /metrics, the HTTP timing middleware and the database gauges; MetricsModule brings the registry and the ingest counters. */
@Module({
  imports: [MetricsModule],
  controllers: [MetricsController],
  providers: [HttpMetrics, DatabaseGaugesCollector],
  exports: [HttpMetrics],
})
export class MetricsApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
