import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

/** One step of a request as its citizen may see it: no officer, no internal note. */
export interface PublicRequestStep {
  kind: 'received' | 'assigned' | 'in_progress' | 'forwarded' | 'resolved' | 'rejected' | 'reopened' | 'merged';
  at: string;
  /** The department it went to (assigned) or the external body (forwarded). */
  to: string | null;
  /** The resolution text (resolved) or the reason (rejected): the words the citizen is told. */
  text: string | null;
}

/** A request's public page (/r/:publicId): nothing about the citizen, no exact position. */
export interface PublicRequestView {
  publicId: string;
  caseNumber: string;
  organization: { name: string; slug: string };
  category: string;
  status: CaseStatus;
  closed: boolean;
  openedAt: string;
  updatedAt: string;
  department: string | null;
  place: { label: string | null; latitude: number | null; longitude: number | null } | null;
  history: PublicRequestStep[];
}

const PUBLIC_ID = /^[a-z2-9]{10}$/;
/** 3 decimals ≈ 111 m north–south and ≈ 85 m east–west in Türkiye: a street, not a house (as Open311 reads). */
const COORDINATE_DECIMALS = 3;
const CLOSED = [CaseStatus.Resolved, CaseStatus.Rejected, CaseStatus.Merged];

/**
 * The public page of one request, by its unguessable public id. Only for an organization that
 * switched public data on (else 404, the same as an unknown id). Shown: number, category, status,
 * dates, the place's label and coordinates rounded to about 100 m, and the status steps with the
 * department or body it went to and the resolution or rejection text. Never: the citizen's name,
 * phone, e-mail or words, officers' names, notes, photos.
 */
@Injectable()
export class PublicRequestService {
  constructor(private readonly dataSource: DataSource) {}

  async view(publicId: string): Promise<PublicRequestView> {
    const [row] = PUBLIC_ID.test(publicId)
      ? await this.dataSource.query(
          `SELECT k.id, k.public_id, k.case_number, k.status, k.created_at, k.updated_at, k.latitude, k.longitude,
                  k.location_label, cat.name AS category, d.name AS department, o.name AS organization, o.slug
             FROM civic_case k
             JOIN case_settings s ON s.organization_id = k.organization_id AND s.public_data
             JOIN organization o ON o.id = k.organization_id
             JOIN case_category cat ON cat.id = k.category_id
             LEFT JOIN department d ON d.id = k.department_id
            WHERE k.public_id = $1`,
          [publicId],
        )
      : [];
    if (!row) {
      throw new DomainError(ErrorCode.ServiceRequestNotFound);
    }
    const steps = await this.dataSource.query(
      `SELECT h.action, h.before, h.after, h.occurred_at, dep.name AS department
         FROM case_history h
         LEFT JOIN department dep ON dep.id::text = h.after->>'departmentId'
        WHERE h.case_id = $1 AND (h.action = 'created' OR h.after ? 'status')
        ORDER BY h.occurred_at, h.id`,
      [row.id],
    );
    const located = row.latitude !== null && row.longitude !== null;
    return {
      publicId: row.public_id,
      caseNumber: row.case_number,
      organization: { name: row.organization, slug: row.slug },
      category: row.category,
      status: row.status,
      closed: CLOSED.includes(row.status),
      openedAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      department: row.department ?? null,
      place:
        located || row.location_label
          ? {
              label: row.location_label ?? null,
              latitude: located ? rounded(row.latitude) : null,
              longitude: located ? rounded(row.longitude) : null,
            }
          : null,
      history: steps.flatMap((s: Record<string, any>) => toStep(s, row.department)),
    };
  }
}

function toStep(s: Record<string, any>, currentDepartment: string | null): PublicRequestStep[] {
  const at = new Date(s.occurred_at).toISOString();
  if (s.action === 'created') {
    const received: PublicRequestStep = { kind: 'received', at, to: null, text: null };
    // Routed on arrival: the department the category belongs to took it at once.
    return s.after?.status === CaseStatus.Assigned
      ? [received, { kind: 'assigned', at, to: s.department ?? currentDepartment, text: null }]
      : [received];
  }
  const from = s.before?.status as CaseStatus | undefined;
  const to = s.after?.status as CaseStatus;
  if (!to || from === to) {
    return [];
  }
  switch (to) {
    case CaseStatus.Assigned:
      return [{ kind: 'assigned', at, to: s.department ?? currentDepartment, text: null }];
    case CaseStatus.InProgress:
      return [{ kind: 'in_progress', at, to: null, text: null }];
    case CaseStatus.Forwarded:
      return [{ kind: 'forwarded', at, to: s.after?.externalBody?.name ?? null, text: null }];
    case CaseStatus.Resolved:
      return [{ kind: 'resolved', at, to: null, text: s.after?.resolutionText ?? null }];
    case CaseStatus.Rejected:
      return [{ kind: 'rejected', at, to: null, text: s.after?.reason ?? null }];
    case CaseStatus.Merged:
      return [{ kind: 'merged', at, to: null, text: null }];
    case CaseStatus.New:
      return [{ kind: 'reopened', at, to: null, text: null }];
    default:
      return [];
  }
}

function rounded(value: number): number {
  const f = 10 ** COORDINATE_DECIMALS;
  return Math.round(Number(value) * f) / f;
}
