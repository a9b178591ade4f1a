import type { CasePhoto, CasePriority, CaseStatus } from '@civic/domain';
import { OPEN_CASE_STATUSES } from '@civic/domain';
import type { CaseIntakeView } from './case-intake-view';
import { toCaseIntakeView } from './case-intake-view';

export interface CaseView extends CaseIntakeView {
  id: string;
  /** The readable number told to the citizen: `2026-000123`. */
  caseNumber: string;
  /** The id of the request's public page (/r/:publicId), unguessable; the page answers while public data is on. */
  publicId: string;
  status: CaseStatus;
  priority: CasePriority;
  description: string | null;
  category: { id: string; code: string; name: string; slaHours: number; slaWorkingHours: boolean };
  department: { id: string; name: string } | null;
  externalBody: { id: string; name: string } | null;
  /** The officer responsible, beside the department. */
  assignee: { id: string; displayName: string } | null;
  /** Null for a case recorded by hand (phone, walk-in, e-mail, CİMER, other). */
  conversationId: string | null;
  messageId: string | null;
  channel: string | null;
  channelAccountId: string | null;
  contact: { id: string; name: string | null; handle: string | null } | null;
  location: { latitude: number; longitude: number; label: string | null } | null;
  /** The neighbourhood (mahalle) of the active boundaries: from the location, else named in the text. */
  neighbourhood: { id: string; name: string } | null;
  photos: CasePhoto[];
  dueAt: string;
  overdue: boolean;
  /** 75 % of the time to the due date gone (working hours for a working-hour SLA). */
  atRiskAt: string;
  /** Open, not yet overdue, and past atRiskAt. */
  atRisk: boolean;
  resolutionText: string | null;
  rejectionReason: string | null;
  firstResolvedAt: string | null;
  resolvedAt: string | null;
  rejectedAt: string | null;
  resolutionCount: number;
  /** Set when this case is a merged duplicate. */
  mergedIntoCaseId: string | null;
  mergedAt: string | null;
  createdByUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const CASE_SELECT = `
  SELECT k.*, cat.code AS category_code, cat.name AS category_name, cat.sla_hours AS category_sla_hours, cat.sla_working_hours AS category_sla_working_hours,
         d.name AS department_name, b.name AS external_body_name, au.display_name AS assignee_name, ct.name AS contact_name, ct.handle AS contact_handle,
         nb.name AS neighbourhood_name
    FROM civic_case k
    JOIN case_category cat ON cat.id = k.category_id
    LEFT JOIN department d ON d.id = k.department_id
    LEFT JOIN department b ON b.id = k.external_body_id
    LEFT JOIN app_user au ON au.id = k.assignee_user_id
    LEFT JOIN contact ct ON ct.id = k.contact_id
    LEFT JOIN neighbourhood nb ON nb.id = k.neighbourhood_id AND nb.organization_id = k.organization_id`;

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** `now` is the application's Clock (tests move it). */
export function toCaseView(r: Record<string, any>, now = new Date()): CaseView {
  const open = OPEN_CASE_STATUSES.includes(r.status);
  const overdue = open && new Date(r.due_at) < now;
  return {
    id: r.id,
    caseNumber: r.case_number,
    publicId: r.public_id,
    status: r.status,
    priority: r.priority,
    description: r.description,
    category: {
      id: r.category_id,
      code: r.category_code,
      name: r.category_name,
      slaHours: r.category_sla_hours,
      slaWorkingHours: r.category_sla_working_hours,
    },
    department: r.department_id ? { id: r.department_id, name: r.department_name } : null,
    externalBody: r.external_body_id ? { id: r.external_body_id, name: r.external_body_name } : null,
    assignee: r.assignee_user_id ? { id: r.assignee_user_id, displayName: r.assignee_name } : null,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    channel: r.channel,
    channelAccountId: r.channel_account_id,
    ...toCaseIntakeView(r),
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name, handle: r.contact_handle } : null,
    location:
      r.latitude !== null && r.longitude !== null
        ? { latitude: r.latitude, longitude: r.longitude, label: r.location_label }
        : null,
    neighbourhood: r.neighbourhood_id ? { id: r.neighbourhood_id, name: r.neighbourhood_name } : null,
    photos: r.photos,
    dueAt: iso(r.due_at)!,
    overdue,
    atRiskAt: iso(r.at_risk_at)!,
    atRisk: open && !overdue && new Date(r.at_risk_at) <= now,
    resolutionText: r.resolution_text,
    rejectionReason: r.rejection_reason,
    firstResolvedAt: iso(r.first_resolved_at),
    resolvedAt: iso(r.resolved_at),
    rejectedAt: iso(r.rejected_at),
    resolutionCount: r.resolution_count,
    mergedIntoCaseId: r.merged_into_case_id,
    mergedAt: iso(r.merged_at),
    createdByUserId: r.created_by_user_id,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
