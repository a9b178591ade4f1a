import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * API requests of one caller (user or client IP) in one rate-limit window, summed over every api
 * process. Each process counts in memory and adds its new hits here about once a second
 * (SharedThrottlerStorage), so the limit holds across replicas without a statement per request.
 */
@Entity('api_rate_counter')
@Index('ix_api_rate_counter_window_end', ['windowEnd'])
export class ApiRateCounter {
  /** Throttler name and tracker, e.g. "default:user:<id>". */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'timestamptz', name: 'window_start' })
  windowStart: Date;

  /** When the window closes; the row is deleted a while after. */
  @Column({ type: 'timestamptz', name: 'window_end' })
  windowEnd: Date;

  @Column({ type: 'int' })
  hits: number;
}
