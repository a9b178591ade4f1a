import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What automatic messages need to know of one contact (a contact is one channel account's citizen). */
@Entity('citizen_contact_state')
export class CitizenContactState {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_citizen_contact_state' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', name: 'contact_id', primaryKeyConstraintName: 'pk_citizen_contact_state' })
  contactId: string;

  @Column({ type: 'text' })
  channel: string;

  /** The citizen wrote DUR / STOP: no more automatic messages on this channel (officers still reply). */
  @Column({ type: 'timestamptz', name: 'opted_out_at', nullable: true })
  optedOutAt: Date | null;

  @Column({ type: 'uuid', name: 'opt_out_message_id', nullable: true })
  optOutMessageId: string | null;

  /** tr or en; null: the organization's default. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** The first automatic message carried the privacy notice link (KVKK), and which notice it was. */
  @Column({ type: 'timestamptz', name: 'privacy_notice_sent_at', nullable: true })
  privacyNoticeSentAt: Date | null;

  @Column({ type: 'uuid', name: 'privacy_notice_id', nullable: true })
  privacyNoticeId: string | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
