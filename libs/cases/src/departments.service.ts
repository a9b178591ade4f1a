import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { SecretsService } from '@civic/auth';
import { DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from './case-actor';
import { CaseSeedService } from './case-seed.service';

export interface DepartmentInput {
  name?: string;
  kind?: DepartmentKind;
  email?: string | null;
  webhookUrl?: string | null;
  /** Omit to keep; null to remove; a new webhook URL without a secret gets a generated one. */
  webhookSecret?: string | null;
  /** Category codes this unit owns (replaces the previous list). */
  categories?: string[];
  active?: boolean;
  /** Its directorate users may send a resolution to the citizen themselves (otherwise they propose one). */
  directorateMayResolve?: boolean;
}

export interface DepartmentView {
  id: string;
  name: string;
  kind: DepartmentKind;
  email: string | null;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  /** Shown once, when created or rotated. */
  webhookSecret?: string;
  active: boolean;
  directorateMayResolve: boolean;
  categories: { id: string; code: string; name: string }[];
}

interface DepartmentRow {
  id: string;
  name: string;
  kind: DepartmentKind;
  email: string | null;
  webhook_url: string | null;
  webhook_secret_encrypted: string | null;
  active: boolean;
  directorate_may_resolve: boolean;
}

const UNIQUE_VIOLATION = '23505';

/** Departments and external bodies of an organization (admin-managed). */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly secrets: SecretsService,
    private readonly seed: CaseSeedService,
  ) {}

  async list(organizationId: string, kind?: DepartmentKind, includeArchived = false): Promise<DepartmentView[]> {
    await this.seed.ensureSeeded(organizationId);
    const rows: DepartmentRow[] = await this.dataSource.query(
      `SELECT * FROM department WHERE organization_id = $1 AND ($2::text IS NULL OR kind = $2) AND (active OR $3) ORDER BY kind, name`,
      [organizationId, kind ?? null, includeArchived],
    );
    const categories = await this.categoriesByOwner(this.dataSource.manager, organizationId);
    return rows.map((r) => this.view(r, categories.get(r.id) ?? []));
  }

  async get(
    organizationId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DepartmentView> {
    await this.seed.ensureSeeded(organizationId);
    const row = await this.row(manager, organizationId, id);
    const categories = await this.categoriesByOwner(manager, organizationId);
    return this.view(row, categories.get(id) ?? []);
  }

  /** The decrypted signing secret of a unit, or null when it has none. */
  async webhookSecret(
    organizationId: string | null,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ organizationId: string; name: string; secret: string | null } | null> {
    const [row] = await manager.query(
      `SELECT organization_id, name, webhook_secret_encrypted FROM department WHERE id = $1 AND ($2::uuid IS NULL OR organization_id = $2)`,
      [id, organizationId],
    );
    if (!row) {
      return null;
    }
    return {
      organizationId: row.organization_id,
      name: row.name,
      secret: row.webhook_secret_encrypted ? this.decryptSecret(row.webhook_secret_encrypted) : null,
    };
  }

  decryptSecret(envelope: string): string {
    return this.secrets.cipher.decrypt(envelope).secret;
  }

  async create(actor: CaseActor, input: DepartmentInput): Promise<DepartmentView> {
    await this.seed.ensureSeeded(actor.organizationId);
    if (!input.name?.trim()) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['name must not be empty'] });
    }
    if (!input.kind) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['kind must be one of: department, external_body'] });
    }
    const secret = input.webhookSecret ?? (input.webhookUrl ? generateSecret() : null);
    return this.write(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO department (organization_id, name, kind, email, webhook_url, webhook_secret_encrypted, active, directorate_may_resolve)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          actor.organizationId,
          input.name!.trim(),
          input.kind,
          input.email ?? null,
          input.webhookUrl ?? null,
          secret ? this.encryptSecret(secret) : null,
          input.active ?? true,
          input.directorateMayResolve ?? false,
        ],
      );
      if (input.categories) {
        await this.setCategories(manager, actor.organizationId, row.id, input.categories);
      }
      const view = await this.get(actor.organizationId, row.id, manager);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'department.created',
          targetType: 'department',
          targetId: row.id,
          after: view,
        },
        manager,
      );
      return secret ? { ...view, webhookSecret: secret } : view;
    });
  }

  async update(actor: CaseActor, id: string, input: DepartmentInput): Promise<DepartmentView> {
    return this.write(async (manager) => {
      const before = await this.get(actor.organizationId, id, manager);
      const sets: string[] = [];
      const params: unknown[] = [actor.organizationId, id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.name !== undefined) {
        if (!input.name.trim()) {
          throw new DomainError(ErrorCode.ValidationFailed, { errors: ['name must not be empty'] });
        }
        set('name', input.name.trim());
      }
      if (input.kind !== undefined) {
        set('kind', input.kind);
      }
      if (input.email !== undefined) {
        set('email', input.email);
      }
      if (input.webhookUrl !== undefined) {
        set('webhook_url', input.webhookUrl);
      }
      if (input.active !== undefined) {
        set('active', input.active);
      }
      if (input.directorateMayResolve !== undefined) {
        set('directorate_may_resolve', input.directorateMayResolve);
      }
      let secret: string | null | undefined = input.webhookSecret;
      if (secret === undefined && input.webhookUrl && !before.hasWebhookSecret) {
        secret = generateSecret();
      }
      if (secret !== undefined) {
        set('webhook_secret_encrypted', secret ? this.encryptSecret(secret) : null);
      }
      if (sets.length > 0) {
        await manager.query(
          `UPDATE department SET ${sets.join(', ')}, updated_at = now() WHERE organization_id = $1 AND id = $2`,
          params,
        );
      }
      if (input.categories) {
        await this.setCategories(manager, actor.organizationId, id, input.categories);
      }
      const after = await this.get(actor.organizationId, id, manager);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'department.updated',
          targetType: 'department',
          targetId: id,
          before,
          after,
        },
        manager,
      );
      return secret ? { ...after, webhookSecret: secret } : after;
    });
  }

  /** Archives the unit: its cases and statistics stay, it takes no new cases and owns no category. */
  async archive(actor: CaseActor, id: string): Promise<void> {
    await this.write(async (manager) => {
      const before = await this.get(actor.organizationId, id, manager);
      await manager.query(
        `UPDATE department SET active = false, updated_at = now() WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, id],
      );
      await manager.query(
        `UPDATE case_category SET department_id = NULL, updated_at = now() WHERE organization_id = $1 AND department_id = $2`,
        [actor.organizationId, id],
      );
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'department.archived',
          targetType: 'department',
          targetId: id,
          before,
        },
        manager,
      );
    });
  }

  /** An active unit of the organization, of the given kind; 400 naming the field otherwise. */
  async requireActive(
    manager: EntityManager,
    organizationId: string,
    id: string,
    kind: DepartmentKind,
    field: string,
  ): Promise<DepartmentRow> {
    const [row]: DepartmentRow[] = await manager.query(
      `SELECT * FROM department WHERE organization_id = $1 AND id = $2 AND active`,
      [organizationId, id],
    );
    if (!row || row.kind !== kind) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [
          `${field} must be an active ${kind === DepartmentKind.Department ? 'department' : 'external body'} of your organization`,
        ],
      });
    }
    return row;
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError(ErrorCode.DepartmentNameTaken);
      }
      throw error;
    }
  }

  private async setCategories(
    manager: EntityManager,
    organizationId: string,
    id: string,
    codes: string[],
  ): Promise<void> {
    const found: { code: string }[] = await manager.query(
      `SELECT code FROM case_category WHERE organization_id = $1 AND code = ANY($2::text[])`,
      [organizationId, codes],
    );
    const missing = codes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, {
        errors: [`categories contains unknown category codes: ${missing.join(', ')}`],
      });
    }
    await manager.query(
      `UPDATE case_category SET department_id = NULL, updated_at = now() WHERE organization_id = $1 AND department_id = $2 AND NOT (code = ANY($3::text[]))`,
      [organizationId, id, codes],
    );
    await manager.query(
      `UPDATE case_category SET department_id = $2, updated_at = now() WHERE organization_id = $1 AND code = ANY($3::text[])`,
      [organizationId, id, codes],
    );
  }

  private async row(manager: EntityManager, organizationId: string, id: string): Promise<DepartmentRow> {
    const [row] = await manager.query(`SELECT * FROM department WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.DepartmentNotFound);
    }
    return row;
  }

  private async categoriesByOwner(
    manager: EntityManager,
    organizationId: string,
  ): Promise<Map<string, { id: string; code: string; name: string }[]>> {
    const rows: { id: string; code: string; name: string; department_id: string }[] = await manager.query(
      `SELECT id, code, name, department_id FROM case_category WHERE organization_id = $1 AND department_id IS NOT NULL ORDER BY code`,
      [organizationId],
    );
    const map = new Map<string, { id: string; code: string; name: string }[]>();
    for (const r of rows) {
      map.set(r.department_id, [...(map.get(r.department_id) ?? []), { id: r.id, code: r.code, name: r.name }]);
    }
    return map;
  }

  private encryptSecret(secret: string): string {
    return this.secrets.cipher.encrypt({ secret });
  }

  private view(row: DepartmentRow, categories: { id: string; code: string; name: string }[]): DepartmentView {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      email: row.email,
      webhookUrl: row.webhook_url,
      hasWebhookSecret: row.webhook_secret_encrypted !== null,
      active: row.active,
      directorateMayResolve: row.directorate_may_resolve,
      categories,
    };
  }
}

function generateSecret(): string {
  return randomBytes(32).toString('hex');
}
