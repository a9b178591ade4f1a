import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CannedResponse } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

const PLACEHOLDER = /\{\{\s*([\p{L}_]+)\s*\}\}/gu;

/** Organization-wide reply templates and their rendering for one conversation. */
@Injectable()
export class CannedResponsesService {
  constructor(
    @InjectRepository(CannedResponse) private readonly repo: Repository<CannedResponse>,
    private readonly dataSource: DataSource,
  ) {}

  list(organizationId: string): Promise<CannedResponse[]> {
    return this.repo.find({ where: { organizationId }, order: { title: 'ASC', id: 'ASC' } });
  }

  async get(organizationId: string, id: string): Promise<CannedResponse> {
    const found = await this.repo.findOneBy({ organizationId, id });
    if (!found) {
      throw new DomainError(ErrorCode.CannedResponseNotFound);
    }
    return found;
  }

  create(organizationId: string, input: { title: string; body: string }): Promise<CannedResponse> {
    return this.repo.save(this.repo.create({ organizationId, title: input.title, body: input.body }));
  }

  async update(organizationId: string, id: string, input: { title?: string; body?: string }): Promise<CannedResponse> {
    const found = await this.get(organizationId, id);
    if (input.title !== undefined) {
      found.title = input.title;
    }
    if (input.body !== undefined) {
      found.body = input.body;
    }
    return this.repo.save(found);
  }

  async remove(organizationId: string, id: string): Promise<void> {
    const result = await this.repo.delete({ organizationId, id });
    if (!result.affected) {
      throw new DomainError(ErrorCode.CannedResponseNotFound);
    }
  }

  /** Fills {{ad}}/{{name}} (citizen), {{kurum}}/{{organization}}, {{hesap}}/{{account}}; unknown placeholders stay visible. */
  async render(scope: AccountScope, id: string, conversationId: string): Promise<{ text: string; missing: string[] }> {
    const template = await this.get(scope.organizationId, id);
    // The conversation's citizen fills the template: only on the caller's accounts.
    const params: unknown[] = [scope.organizationId, conversationId];
    const [row] = await this.dataSource.query(
      `SELECT ct.name AS contact_name, ct.handle AS contact_handle, o.name AS organization_name, a.name AS account_name
         FROM conversation c
         JOIN organization o ON o.id = c.organization_id
         JOIN channel_account a ON a.id = c.channel_account_id
         LEFT JOIN contact ct ON ct.id = c.contact_id
        WHERE c.organization_id = $1 AND c.id = $2 AND ${scope.accountCondition('c.channel_account_id', params)}`,
      params,
    );
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
    const citizen = row.contact_name ?? row.contact_handle ?? null;
    const values: Record<string, string | null> = {
      ad: citizen,
      name: citizen,
      isim: citizen,
      kurum: row.organization_name,
      organization: row.organization_name,
      hesap: row.account_name,
      account: row.account_name,
    };
    const missing: string[] = [];
    const text = template.body.replace(PLACEHOLDER, (whole, key: string) => {
      const value = values[key.toLocaleLowerCase('tr')];
      if (value) {
        return value;
      }
      missing.push(key);
      // A citizen without a known name gets a polite generic address instead of an empty gap.
      return key === 'ad' || key === 'name' || key === 'isim' ? 'Değerli vatandaşımız' : whole;
    });
    return { text, missing };
  }
}
