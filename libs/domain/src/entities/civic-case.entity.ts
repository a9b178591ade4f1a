import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CasePriority, CaseSource, CaseStatus } from '@civic/model';

/** A photo of a case: a reference to an attachment of a citizen message (never a copy). */
export interface CasePhoto {
  messageId: string;
  attachmentIndex: number;
  /** API path of the stored copy (needs a signed-in user of the organization). */
  path: string;
  type: string;
  channelMediaId?: string | null;
  channelUrl?: string | null;
  mediaAssetId?: string | null;
  mimeType?: string | null;
  caption?: string | null;
}

/** What an Open311 (GeoReport v2) request brought besides the case's own fields; the media is a link, never fetched. */
export interface CaseOpen311Details {
  clientId: string;
  clientName: string;
  mediaUrl: string | null;
  addressString: string | null;
  addressId: string | null;
  deviceId: string | null;
  accountId: string | null;
}

/**
 * A citizen request (başvuru) opened from a conversation. Table name avoids the SQL keyword CASE.
 * first_resolved_at never changes once set (statistics); resolved_at is the latest resolution.
 */
@Entity('civic_case')
@Check('ck_civic_case_source', `"source" IN ('social', 'phone', 'walk_in', 'email', 'cimer', 'other', 'open311')`)
// A social case is opened from a conversation; a case recorded by hand may have none.
@Check(
  'ck_civic_case_social_conversation',
  `"source" <> 'social' OR ("conversation_id" IS NOT NULL AND "channel" IS NOT NULL AND "channel_account_id" IS NOT NULL)`,
)
@Check(
  'ck_civic_case_cimer_application',
  `"source" <> 'cimer' OR ("cimer_application_number" IS NOT NULL AND "cimer_application_date" IS NOT NULL AND "answer_due_at" IS NOT NULL)`,
)
@Index('uq_civic_case_cimer_application', ['organizationId', 'cimerApplicationNumber'], {
  unique: true,
  where: `"cimer_application_number" IS NOT NULL AND "status" <> 'merged'`,
})
@Index('uq_civic_case_number', ['organizationId', 'number'], { unique: true })
@Index('uq_civic_case_case_number', ['organizationId', 'caseNumber'], { unique: true })
@Index('uq_civic_case_public_id', ['publicId'], { unique: true })
@Index('ix_civic_case_org_created', ['organizationId', 'createdAt'])
@Index('ix_civic_case_org_status', ['organizationId', 'status'])
// Open cases by the moment they became at risk (SLA-at-risk rules, the at-risk filter).
@Index('ix_civic_case_open_at_risk', ['organizationId', 'atRiskAt'], {
  where: `"status" IN ('new', 'assigned', 'in_progress', 'forwarded')`,
})
// Across organizations, for the SLA scanner: open cases by their due and at-risk moments.
@Index('ix_civic_case_open_due', ['dueAt'], { where: `"status" IN ('new', 'assigned', 'in_progress', 'forwarded')` })
@Index('ix_civic_case_open_at_risk_time', ['atRiskAt'], {
  where: `"status" IN ('new', 'assigned', 'in_progress', 'forwarded')`,
})
@Index('ix_civic_case_conversation', ['conversationId'])
@Index('ix_civic_case_merged_into', ['mergedIntoCaseId'])
@Index('ix_civic_case_org_assignee', ['organizationId', 'assigneeUserId'])
@Index('ix_civic_case_department_created', ['organizationId', 'departmentId', 'createdAt'])
@Index('ix_civic_case_neighbourhood', ['organizationId', 'neighbourhoodId', 'createdAt'])
// The case map: pinned cases by position, status beside them (the server-side grid reads only the index).
@Index('ix_civic_case_map', ['organizationId', 'latitude', 'longitude', 'status'], {
  where: `"latitude" IS NOT NULL AND "longitude" IS NOT NULL`,
})
@Index('ix_civic_case_map_category', ['organizationId', 'categoryId', 'latitude', 'longitude', 'status'], {
  where: `"latitude" IS NOT NULL AND "longitude" IS NOT NULL`,
})
export class CivicCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId: string;

  /** Per-organization running number: internal order only (citizens see caseNumber). */
  @Column({ type: 'integer' })
  number: number;

  /** The readable number told to citizens ("başvuru no", `2026-000123`); assigned by a trigger on insert. */
  @Column({ type: 'text', name: 'case_number' })
  caseNumber: string;

  /** Short unguessable id of the case's public page (/r/:publicId): 10 base32 characters from the database. */
  @Column({ type: 'text', name: 'public_id', default: () => 'civic_public_id()' })
  publicId: string;

  /** An Open311 request: the client that filed it and the GeoReport extras (media link, address id, device). */
  @Column({ type: 'jsonb', nullable: true })
  open311: CaseOpen311Details | null;

  /** Null for a case recorded by hand (source other than social). */
  @Column({ type: 'uuid', name: 'conversation_id', nullable: true })
  conversationId: string | null;

  @Column({ type: 'uuid', name: 'message_id', nullable: true })
  messageId: string | null;

  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ type: 'uuid', name: 'channel_account_id', nullable: true })
  channelAccountId: string | null;

  @Column({ type: 'text', default: CaseSource.Social })
  source: CaseSource;

  /** A case recorded by hand: the citizen's name, phone (E.164) and e-mail as they gave them. */
  @Column({ type: 'text', name: 'citizen_name', nullable: true })
  citizenName: string | null;

  @Column({ type: 'text', name: 'citizen_phone', nullable: true })
  citizenPhone: string | null;

  @Column({ type: 'text', name: 'citizen_email', nullable: true })
  citizenEmail: string | null;

  /** The citizen agreed to be told about the case (WhatsApp template or e-mail), and when. */
  @Column({ type: 'boolean', name: 'contact_consent', default: false })
  contactConsent: boolean;

  @Column({ type: 'timestamptz', name: 'contact_consent_at', nullable: true })
  contactConsentAt: Date | null;

  @Column({ type: 'text', name: 'cimer_application_number', nullable: true })
  cimerApplicationNumber: string | null;

  @Column({ type: 'date', name: 'cimer_application_date', nullable: true })
  cimerApplicationDate: string | null;

  /** CİMER's answer deadline: application date + the organization's working days. */
  @Column({ type: 'timestamptz', name: 'answer_due_at', nullable: true })
  answerDueAt: Date | null;

  @Column({ type: 'uuid', name: 'category_id' })
  categoryId: string;

  @Column({ type: 'uuid', name: 'department_id', nullable: true })
  departmentId: string | null;

  /** The external body it was last forwarded to (or named as responsible on rejection). */
  @Column({ type: 'uuid', name: 'external_body_id', nullable: true })
  externalBodyId: string | null;

  /** The officer responsible for the case, beside its department; null when nobody is. */
  @Column({ type: 'uuid', name: 'assignee_user_id', nullable: true })
  assigneeUserId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', default: CasePriority.Normal })
  priority: CasePriority;

  @Column({ type: 'text', default: CaseStatus.New })
  status: CaseStatus;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'text', name: 'location_label', nullable: true })
  locationLabel: string | null;

  /** The neighbourhood (mahalle) of the active boundaries: from the location pin, else named in the text. */
  @Column({ type: 'uuid', name: 'neighbourhood_id', nullable: true })
  neighbourhoodId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  photos: CasePhoto[];

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt: Date;

  /** 75 % of the time to due_at gone (working hours for a working-hour SLA); set with due_at. */
  @Column({ type: 'timestamptz', name: 'at_risk_at' })
  atRiskAt: Date;

  @Column({ type: 'text', name: 'resolution_text', nullable: true })
  resolutionText: string | null;

  /** A resolution the department's directorate proposes; an officer sends it (or edits it first). */
  @Column({ type: 'text', name: 'proposed_resolution_text', nullable: true })
  proposedResolutionText: string | null;

  @Column({ type: 'uuid', name: 'proposed_resolution_by_user_id', nullable: true })
  proposedResolutionByUserId: string | null;

  /** The proposer's name when proposed: kept after the user is gone. */
  @Column({ type: 'text', name: 'proposed_resolution_by_label', nullable: true })
  proposedResolutionByLabel: string | null;

  @Column({ type: 'timestamptz', name: 'proposed_resolution_at', nullable: true })
  proposedResolutionAt: Date | null;

  @Column({ type: 'text', name: 'rejection_reason', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'timestamptz', name: 'first_resolved_at', nullable: true })
  firstResolvedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'rejected_at', nullable: true })
  rejectedAt: Date | null;

  @Column({ type: 'integer', name: 'resolution_count', default: 0 })
  resolutionCount: number;

  /** For a merged duplicate: the surviving case (its conversation is linked to that case). */
  @Column({ type: 'uuid', name: 'merged_into_case_id', nullable: true })
  mergedIntoCaseId: string | null;

  @Column({ type: 'timestamptz', name: 'merged_at', nullable: true })
  mergedAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by_user_id', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
