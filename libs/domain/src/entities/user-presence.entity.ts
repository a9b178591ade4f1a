import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An officer online in the web inbox: one row per api process holding their live stream, refreshed by
 * a heartbeat and removed when the last stream there closes. A crashed process's rows go stale.
 */
@Entity('user_presence')
export class UserPresence {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_user_presence' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id', primaryKeyConstraintName: 'pk_user_presence' })
  userId: string;

  @PrimaryColumn({ type: 'text', name: 'instance_id', primaryKeyConstraintName: 'pk_user_presence' })
  instanceId: string;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt: Date;
}
