import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One signed webhook delivery, accepted and not yet ingested: its events, already parsed and
 * checked, as JSON. A delivery is answered once this row is committed; a drainer then ingests the
 * rows in arrival order and deletes them. A row is leased (`claimed_until`) while it is being
 * ingested, so a process that dies mid-ingest leaves it to the next drainer; after repeated
 * failures it is set aside (`failed_at`) with its last error for an operator, never lost.
 */
@Entity('webhook_inbox')
export class WebhookInboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;

  @Column({ type: 'int', name: 'event_count' })
  eventCount: number;

  /** Normalized events (`json`, not `jsonb`: stored as sent, read back once). */
  @Column({ type: 'json' })
  events: unknown;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', name: 'claimed_until', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'failed_at', nullable: true })
  failedAt: Date | null;
}
