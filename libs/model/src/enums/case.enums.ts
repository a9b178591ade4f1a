/** A municipal directorate (müdürlük) or a public body outside the municipality (dış kurum). */
export enum DepartmentKind {
  Department = 'department',
  ExternalBody = 'external_body',
}

/**
 * Life of a case (başvuru). Reopening moves a resolved or rejected case back to in_progress.
 * Merged: a duplicate folded into another case (merged_into_case_id); final, and never counted.
 */
export enum CaseStatus {
  New = 'new',
  Assigned = 'assigned',
  InProgress = 'in_progress',
  Forwarded = 'forwarded',
  Resolved = 'resolved',
  Rejected = 'rejected',
  Merged = 'merged',
}

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  CaseStatus.New,
  CaseStatus.Assigned,
  CaseStatus.InProgress,
  CaseStatus.Forwarded,
];

export enum CasePriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

/** How a case travels to an external body. */
export enum CaseForwardTransport {
  Webhook = 'webhook',
  Email = 'email',
}

export enum CaseForwardStatus {
  /** Webhook delivery waiting for (or between) attempts. */
  Queued = 'queued',
  Sent = 'sent',
  Failed = 'failed',
  /** E-mail written to the outbox table while SMTP_URL is not set: a person or a mail relay must send it. */
  Outbox = 'outbox',
}
