import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One kind's organization choices; a missing field takes the product default. */
export interface CitizenNoticeKindSettings {
  enabled?: boolean;
  texts?: { tr?: string; en?: string };
  whatsappTemplate?: { name: string; language: string } | null;
}

/** Per organization: the automatic messages' texts and switches, and the privacy notice link. */
@Entity('citizen_message_settings')
export class CitizenMessageSettings {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'pk_citizen_message_settings' })
  organizationId: string;

  /** The KVKK privacy notice (aydınlatma metni) page. */
  @Column({ type: 'text', name: 'privacy_notice_url', nullable: true })
  privacyNoticeUrl: string | null;

  @Column({ type: 'boolean', name: 'privacy_notice_on_first_contact', default: false })
  privacyNoticeOnFirstContact: boolean;

  /** The language a citizen is written in unless their contact says otherwise. */
  @Column({ type: 'text', name: 'default_language', default: 'tr' })
  defaultLanguage: string;

  /** Keyed by CitizenNoticeKind. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  kinds: Record<string, CitizenNoticeKindSettings>;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
