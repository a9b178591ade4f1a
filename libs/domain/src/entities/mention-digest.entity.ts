import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The daily summary of one organization's mentions for one Istanbul calendar day; unique, so it is made once. */
@Entity('mention_digest')
@Index('uq_mention_digest_day', ['organizationId', 'day'], { unique: true })
export class MentionDigest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** The day summarized (Europe/Istanbul), YYYY-MM-DD. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
