import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CasePublicDataService, PublicOrganization } from '@civic/cases';
import { CaseStatus, parseCaseNumber } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

/** GeoReport v2 service (a case category). */
export interface Open311ServiceDefinition {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** GeoReport v2 service request (a case), without personal data. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  lat?: number;
  long?: number;
}

export interface Open311RequestFilter {
  serviceRequestIds?: string[];
  serviceCode?: string;
  startDate?: Date;
  endDate?: Date;
  status?: 'open' | 'closed';
}

export const OPEN311_MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;
/** 3 decimals ≈ 111 m north–south and ≈ 85 m east–west in Türkiye: a street, not a house. */
const COORDINATE_DECIMALS = 3;

const STATUS_NOTES: Record<CaseStatus, string> = {
  [CaseStatus.New]: 'Başvuru alındı.',
  [CaseStatus.Assigned]: 'Başvuru ilgili birime iletildi.',
  [CaseStatus.InProgress]: 'Başvuru üzerinde çalışılıyor.',
  [CaseStatus.Forwarded]: 'Başvuru yetkili kuruma iletildi.',
  [CaseStatus.Resolved]: 'Başvuru çözüldü.',
  [CaseStatus.Rejected]: 'Başvuru belediyenin görev alanı dışında ya da reddedildi.',
  [CaseStatus.Merged]: 'Mükerrer başvuru; başka bir başvuruyla birleştirildi.',
};

/**
 * Open311 GeoReport v2 read side over the cases of an organization that switched public data on.
 * Nothing a citizen wrote is published: the description is the category (and unit) name, status
 * notes are fixed texts per status, coordinates are rounded, media and addresses are omitted.
 * service_request_id is the case number (başvuru no) the citizen was told.
 */
@Injectable()
export class Open311Service {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publicData: CasePublicDataService,
  ) {}

  async services(slug: string): Promise<Open311ServiceDefinition[]> {
    const org = await this.publicData.publicOrganization(slug);
    const rows = await this.dataSource.query(
      `SELECT c.code, c.name, c.sla_hours, d.name AS department,
              (SELECT string_agg(DISTINCT kw, ',' ORDER BY kw) FROM routing_rule r CROSS JOIN LATERAL unnest(r.keywords) kw
                WHERE r.category_id = c.id AND r.active) AS keywords
         FROM case_category c LEFT JOIN department d ON d.id = c.department_id
        WHERE c.organization_id = $1 AND c.active ORDER BY c.name, c.code`,
      [org.id],
    );
    return rows.map((r: Record<string, any>) => ({
      service_code: r.code,
      service_name: r.name,
      description: `${r.name} başvuruları; hedef çözüm süresi ${r.sla_hours} saat.`,
      metadata: false,
      type: 'realtime',
      keywords: r.keywords ?? '',
      group: r.department ?? '',
    }));
  }

  /** Newest first, at most 1000; without dates the last 90 days (GeoReport default). */
  async requests(slug: string, filter: Open311RequestFilter): Promise<Open311Request[]> {
    const org = await this.publicData.publicOrganization(slug);
    const where = ['k.organization_id = $1'];
    const params: unknown[] = [org.id];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (filter.serviceRequestIds?.length) {
      // GeoReport: service_request_id overrides every other parameter.
      const numbers = filter.serviceRequestIds.map(parseCaseNumber);
      if (numbers.some((n) => n === null)) {
        throw new DomainError(ErrorCode.ValidationFailed, {
          errors: ['service_request_id must be a comma-separated list of request numbers such as 2026-000123'],
        });
      }
      add('k.case_number = ANY(?::text[])', numbers);
    } else {
      if (filter.serviceCode) {
        add('cat.code = ?', filter.serviceCode);
      }
      if (filter.startDate && filter.endDate && filter.startDate > filter.endDate) {
        throw new DomainError(ErrorCode.ValidationFailed, { errors: ['start_date must not be after end_date'] });
      }
      const start =
        filter.startDate ?? (filter.endDate ? undefined : new Date(Date.now() - DEFAULT_WINDOW_DAYS * 86_400_000));
      if (start) {
        add('k.created_at >= ?', start);
      }
      if (filter.endDate) {
        add('k.created_at <= ?', filter.endDate);
      }
      if (filter.status === 'open') {
        where.push(`k.status IN ('new', 'assigned', 'in_progress', 'forwarded')`);
      }
      if (filter.status === 'closed') {
        where.push(`k.status IN ('resolved', 'rejected', 'merged')`);
      }
    }
    const rows = await this.dataSource.query(
      `${REQUEST_SELECT} WHERE ${where.join(' AND ')} ORDER BY k.created_at DESC, k.case_number DESC LIMIT ${OPEN311_MAX_REQUESTS}`,
      params,
    );
    return rows.map(toRequest);
  }

  async request(slug: string, id: string): Promise<Open311Request[]> {
    const org: PublicOrganization = await this.publicData.publicOrganization(slug);
    const caseNumber = parseCaseNumber(id);
    const rows = caseNumber
      ? await this.dataSource.query(`${REQUEST_SELECT} WHERE k.organization_id = $1 AND k.case_number = $2`, [
          org.id,
          caseNumber,
        ])
      : [];
    if (rows.length === 0) {
      throw new DomainError(ErrorCode.ServiceRequestNotFound);
    }
    // GeoReport answers a single request as a one-element array.
    return rows.map(toRequest);
  }
}

const REQUEST_SELECT = `
  SELECT k.case_number, k.status, k.created_at, k.updated_at, k.due_at, k.latitude, k.longitude,
         cat.code AS category_code, cat.name AS category_name, d.name AS department_name, b.name AS external_body_name
    FROM civic_case k
    JOIN case_category cat ON cat.id = k.category_id
    LEFT JOIN department d ON d.id = k.department_id
    LEFT JOIN department b ON b.id = k.external_body_id`;

function toRequest(r: Record<string, any>): Open311Request {
  const status = r.status as CaseStatus;
  const closed = status === CaseStatus.Resolved || status === CaseStatus.Rejected || status === CaseStatus.Merged;
  // Forwarded (or rejected naming the body): the external body answers for it.
  const agency =
    (status === CaseStatus.Forwarded || status === CaseStatus.Rejected) && r.external_body_name
      ? r.external_body_name
      : (r.department_name ?? r.external_body_name ?? null);
  const request: Open311Request = {
    service_request_id: r.case_number,
    status: closed ? 'closed' : 'open',
    status_notes: STATUS_NOTES[status] ?? null,
    service_name: r.category_name,
    service_code: r.category_code,
    description: agency ? `${r.category_name} başvurusu (${agency})` : `${r.category_name} başvurusu`,
    agency_responsible: agency,
    service_notice: null,
    requested_datetime: new Date(r.created_at).toISOString(),
    updated_datetime: new Date(r.updated_at).toISOString(),
    expected_datetime: new Date(r.due_at).toISOString(),
  };
  if (r.latitude !== null && r.longitude !== null) {
    request.lat = roundCoordinate(r.latitude);
    request.long = roundCoordinate(r.longitude);
  }
  return request;
}

function roundCoordinate(value: number): number {
  const f = 10 ** COORDINATE_DECIMALS;
  return Math.round(Number(value) * f) / f;
}
