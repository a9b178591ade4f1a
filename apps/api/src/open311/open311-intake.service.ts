import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CaseActor, CasePublicDataService, ManualCaseService } from '@civic/cases';
import { CaseOpen311Details } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { Open311ClientService } from './open311-client.service';
import { Open311PostFields, readOpen311PostFields } from './open311-post-fields';
import { Open311RateLimiter } from './open311-rate-limiter';

/** GeoReport v2 answer to a filed request (a one-element array on the wire). */
export interface Open311PostAnswer {
  service_request_id: string;
  service_notice: string;
  account_id: null;
}

/**
 * POST requests.json: a city app or web form files a request with its key. Checked in the order
 * the answer must reveal least: the organization (404 unless public data is on), the key (401),
 * then the fields (400, each named). The case is opened by ManualCaseService with the source
 * `open311` and the client as actor, so routing by category, due dates, history, audit, statistics
 * by source and the acknowledgement (an e-mail when the citizen gave an address) are the same as
 * for any request; the answer's service_notice carries the number and the public page's address.
 */
@Injectable()
export class Open311IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publicData: CasePublicDataService,
    private readonly clients: Open311ClientService,
    private readonly limiter: Open311RateLimiter,
    private readonly manual: ManualCaseService,
  ) {}

  async submit(slug: string, body: unknown, publicBaseUrl: string): Promise<Open311PostAnswer> {
    const org = await this.publicData.publicOrganization(slug);
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const key = typeof record.api_key === 'string' ? record.api_key.trim() : '';
    const client = key ? await this.clients.verify(org.id, key) : null;
    if (!client) {
      throw new DomainError(ErrorCode.Open311KeyInvalid);
    }
    await this.limiter.take(client.id);
    const { fields, errors } = readOpen311PostFields(body);
    if (!fields) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors });
    }
    const [category] = await this.dataSource.query(
      `SELECT code FROM case_category WHERE organization_id = $1 AND code = $2 AND active`,
      [org.id, fields.serviceCode],
    );
    if (!category) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [`service_code "${fields.serviceCode}" is not a service of this organization (see services.json)`],
      });
    }
    const actor: CaseActor = {
      organizationId: org.id,
      scope: AccountScope.wholeOrganization(org.id),
      userId: null,
      label: `open311:${client.name}`,
    };
    const details: CaseOpen311Details = {
      clientId: client.id,
      clientName: client.name,
      mediaUrl: fields.mediaUrl,
      addressString: fields.addressString,
      addressId: fields.addressId,
      deviceId: fields.deviceId,
      accountId: fields.accountId,
    };
    const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ') || undefined;
    const coordinates = fields.latitude !== null && fields.longitude !== null;
    const view = await this.manual.createFromOpen311(
      actor,
      {
        category: category.code,
        description: officerDescription(fields),
        // An e-mail address given with a request is given to hear about it: the acknowledgement and
        // the status messages go there (case_citizen_mail). A phone number alone is kept for a call.
        citizen: { name, phone: fields.phone ?? undefined, email: fields.email ?? undefined, consent: !!fields.email },
        // Without coordinates the address is still the case's place label.
        location:
          coordinates || fields.addressString
            ? ({
                latitude: fields.latitude,
                longitude: fields.longitude,
                label: fields.addressString,
              } as { latitude: number; longitude: number; label: string | null })
            : undefined,
      },
      details,
    );
    const [row] = await this.dataSource.query(`SELECT public_id FROM civic_case WHERE id = $1`, [view.id]);
    const url = `${publicBaseUrl}/r/${row.public_id}`;
    return {
      service_request_id: view.caseNumber,
      service_notice: `Başvurunuz ${view.caseNumber} numarasıyla alınmıştır. Durumunu ${url} adresinden izleyebilirsiniz.`,
      account_id: null,
    };
  }
}

/** What the officer reads: the citizen's text, and the address and media link when the request brought them. */
function officerDescription(fields: Open311PostFields): string {
  const lines = [fields.description ?? 'Açıklama verilmedi.'];
  if (fields.addressString && (fields.latitude === null || fields.longitude === null)) {
    lines.push(`Adres: ${fields.addressString}`);
  }
  if (fields.addressId) {
    lines.push(`Adres kimliği: ${fields.addressId}`);
  }
  if (fields.mediaUrl) {
    lines.push(`Fotoğraf/medya bağlantısı: ${fields.mediaUrl}`);
  }
  return lines.join('\n\n');
}
