import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen message the inbound handlers have run on: the marker that makes it exactly once. */
@Entity('citizen_inbound_processed')
export class CitizenInboundProcessed {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_citizen_inbound_processed' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', name: 'message_id', primaryKeyConstraintName: 'pk_citizen_inbound_processed' })
  messageId: string;

  /** consumed (by a handler) or pass. */
  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt: Date;
}
