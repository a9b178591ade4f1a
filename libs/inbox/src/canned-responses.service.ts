import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthPrincipal } from '@civic/auth';
import { AccountScope } from '@civic/auth';
import { CannedResponse, UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

const PLACEHOLDER = /\{\{\s*([\p{L}_]+)\s*\}\}/gu;
const CITIZEN_KEYS = ['ad', 'name', 'isim', 'citizenname', 'vatandaşadı'];
const CASE_NUMBER_KEYS = ['casenumber', 'başvuruno', 'basvuruno'];

export interface CannedResponseInput {
  title?: string;
  body?: string;
  shortcut?: string | null;
  /** true: shared with the organization (administrators only); false: the caller's own. */
  shared?: boolean;
}

/** The caller's templates: the organization's shared ones and their own personal ones. */
export interface CannedResponseView {
  id: string;
  organizationId: string;
  title: string;
  body: string;
  shortcut: string | null;
  shared: boolean;
  /** The caller may change or delete it (their own, or a shared one for an administrator). */
  editable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Reply templates, shared (managed by administrators) or personal (seen only by their owner), and their rendering. */
@Injectable()
export class CannedResponsesService {
  constructor(
    @InjectRepository(CannedResponse) private readonly repo: Repository<CannedResponse>,
    private readonly dataSource: DataSource,
  ) {}

  async list(principal: AuthPrincipal): Promise<CannedResponseView[]> {
    const rows = await this.repo
      .createQueryBuilder('c')
      .where('c.organizationId = :organizationId', { organizationId: principal.organizationId })
      .andWhere(
        new Brackets((q) => q.where('c.ownerUserId IS NULL').orWhere('c.ownerUserId = :me', { me: principal.userId })),
      )
      .orderBy('c.title', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    return rows.map((row) => view(row, principal));
  }

  async get(principal: AuthPrincipal, id: string): Promise<CannedResponseView> {
    return view(await this.visible(principal, id), principal);
  }

  async create(principal: AuthPrincipal, input: CannedResponseInput): Promise<CannedResponseView> {
    const shared = input.shared ?? false;
    if (shared && !isAdmin(principal)) {
      throw new DomainError(ErrorCode.CannedResponseSharedAdminOnly);
    }
    const saved = await this.repo.save(
      this.repo.create({
        organizationId: principal.organizationId,
        title: input.title!,
        body: input.body!,
        shortcut: cleanShortcut(input.shortcut),
        ownerUserId: shared ? null : principal.userId,
      }),
    );
    return view(saved, principal);
  }

  async update(principal: AuthPrincipal, id: string, input: CannedResponseInput): Promise<CannedResponseView> {
    const found = await this.editable(principal, id);
    if (input.shared !== undefined && input.shared !== (found.ownerUserId === null) && !isAdmin(principal)) {
      throw new DomainError(ErrorCode.CannedResponseSharedAdminOnly);
    }
    if (input.title !== undefined) {
      found.title = input.title;
    }
    if (input.body !== undefined) {
      found.body = input.body;
    }
    if (input.shortcut !== undefined) {
      found.shortcut = cleanShortcut(input.shortcut);
    }
    if (input.shared !== undefined) {
      found.ownerUserId = input.shared ? null : principal.userId;
    }
    return view(await this.repo.save(found), principal);
  }

  async remove(principal: AuthPrincipal, id: string): Promise<void> {
    const found = await this.editable(principal, id);
    await this.repo.delete({ organizationId: principal.organizationId, id: found.id });
  }

  /**
   * Fills {{ad}}/{{name}}/{{citizenName}} (citizen), {{kurum}}/{{organization}}, {{hesap}}/{{account}} and
   * {{başvuruNo}}/{{caseNumber}} (the conversation's latest case); unknown placeholders stay visible.
   */
  async render(
    principal: AuthPrincipal,
    scope: AccountScope,
    id: string,
    conversationId: string,
  ): Promise<{ text: string; missing: string[] }> {
    const template = await this.visible(principal, id);
    return this.fill(this.dataSource.manager, scope, template.body, conversationId);
  }

  /**
   * The automation runner's rendering, in its transaction (a case it just opened gives {{caseNumber}}):
   * a shared template, or the personal one of `ownerUserId` (a macro's officer); null when not usable.
   */
  async renderFor(
    manager: EntityManager,
    organizationId: string,
    id: string,
    ownerUserId: string | null,
    conversationId: string,
  ): Promise<{ text: string; missing: string[] } | null> {
    const [row] = await manager.query(
      `SELECT body FROM canned_response WHERE organization_id = $1 AND id = $2 AND (owner_user_id IS NULL OR owner_user_id = $3)`,
      [organizationId, id, ownerUserId],
    );
    return row ? this.fill(manager, AccountScope.wholeOrganization(organizationId), row.body, conversationId) : null;
  }

  private async fill(
    manager: EntityManager,
    scope: AccountScope,
    body: string,
    conversationId: string,
  ): Promise<{ text: string; missing: string[] }> {
    // The conversation's citizen fills the template: only on the caller's accounts.
    const params: unknown[] = [scope.organizationId, conversationId];
    const [row] = await manager.query(
      `SELECT ct.name AS contact_name, ct.handle AS contact_handle, o.name AS organization_name, a.name AS account_name,
              (SELECT k.case_number FROM civic_case k
                WHERE k.organization_id = c.organization_id AND k.conversation_id = c.id AND k.merged_into_case_id IS NULL
                ORDER BY k.created_at DESC LIMIT 1) AS case_number
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
    const caseNumber = row.case_number === null ? null : String(row.case_number);
    const values: Record<string, string | null> = {
      ...Object.fromEntries(CITIZEN_KEYS.map((k) => [k, citizen])),
      ...Object.fromEntries(CASE_NUMBER_KEYS.map((k) => [k, caseNumber])),
      kurum: row.organization_name,
      organization: row.organization_name,
      hesap: row.account_name,
      account: row.account_name,
    };
    const missing: string[] = [];
    const text = body.replace(PLACEHOLDER, (whole, key: string) => {
      const folded = key.toLocaleLowerCase('tr');
      const value = values[folded] ?? values[key.toLowerCase()];
      if (value) {
        return value;
      }
      missing.push(key);
      // A citizen without a known name gets a polite generic address instead of an empty gap.
      return CITIZEN_KEYS.includes(folded) || CITIZEN_KEYS.includes(key.toLowerCase()) ? 'Değerli vatandaşımız' : whole;
    });
    return { text, missing };
  }

  /** Another officer's personal template does not exist for the caller (404, not 403). */
  private async visible(principal: AuthPrincipal, id: string): Promise<CannedResponse> {
    const found = await this.repo.findOneBy({ organizationId: principal.organizationId, id });
    if (!found || (found.ownerUserId !== null && found.ownerUserId !== principal.userId)) {
      throw new DomainError(ErrorCode.CannedResponseNotFound);
    }
    return found;
  }

  private async editable(principal: AuthPrincipal, id: string): Promise<CannedResponse> {
    const found = await this.visible(principal, id);
    if (found.ownerUserId === null && !isAdmin(principal)) {
      throw new DomainError(ErrorCode.CannedResponseSharedAdminOnly);
    }
    return found;
  }
}

function isAdmin(principal: AuthPrincipal): boolean {
  return principal.roles.includes(UserRole.Admin);
}

function cleanShortcut(shortcut: string | null | undefined): string | null {
  const trimmed = shortcut?.trim().replace(/^\/+/, '');
  return trimmed ? trimmed : null;
}

function view(row: CannedResponse, principal: AuthPrincipal): CannedResponseView {
  const shared = row.ownerUserId === null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    title: row.title,
    body: row.body,
    shortcut: row.shortcut,
    shared,
    editable: shared ? isAdmin(principal) : row.ownerUserId === principal.userId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
