import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthPrincipal } from '@civic/auth';
import { UserRole } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import type { ConversationAction } from './conversation-action';
import type { ActionOutcome } from './conversation-action-runner';
import { DefaultConversationActionRunner } from './conversation-action.runner';
import { MacroReferences } from './macro-references';

export interface MacroInput {
  name?: string;
  actions?: ConversationAction[];
  /** true: shared with the organization (administrators only); false: the caller's own. */
  shared?: boolean;
}

export interface MacroView {
  id: string;
  name: string;
  actions: ConversationAction[];
  shared: boolean;
  /** The caller may change or delete it (their own, or a shared one for an administrator). */
  editable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface MacroRun {
  macroId: string;
  macroName: string;
  outcomes: ActionOutcome[];
}

/**
 * Macros (issue 26): personal ones seen only by their owner, shared ones managed by administrators
 * (the canned responses' rules), and running one on a conversation through the action runner.
 */
@Injectable()
export class MacrosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: MacroReferences,
    private readonly runner: DefaultConversationActionRunner,
  ) {}

  async list(principal: AuthPrincipal): Promise<MacroView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM macro WHERE organization_id = $1 AND (owner_user_id IS NULL OR owner_user_id = $2)
        ORDER BY lower(name), id`,
      [principal.organizationId, principal.userId],
    );
    return rows.map((row: Record<string, any>) => view(row, principal));
  }

  async create(principal: AuthPrincipal, input: MacroInput): Promise<MacroView> {
    const shared = input.shared ?? false;
    if (shared && !isAdmin(principal)) {
      throw new DomainError(ErrorCode.MacroSharedAdminOnly);
    }
    const owner = shared ? null : principal.userId;
    return this.dataSource.transaction(async (manager) => {
      await this.references.check(manager, principal.organizationId, owner, input.actions!);
      const [row] = await manager.query(
        `INSERT INTO macro (organization_id, name, owner_user_id, actions) VALUES ($1, $2, $3, $4::jsonb) RETURNING *`,
        [principal.organizationId, input.name!.trim(), owner, JSON.stringify(input.actions)],
      );
      return view(row, principal);
    });
  }

  async update(principal: AuthPrincipal, id: string, input: MacroInput): Promise<MacroView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.editable(manager, principal, id);
      if (input.shared !== undefined && input.shared !== (found.owner_user_id === null) && !isAdmin(principal)) {
        throw new DomainError(ErrorCode.MacroSharedAdminOnly);
      }
      const owner = input.shared === undefined ? found.owner_user_id : input.shared ? null : principal.userId;
      const actions = input.actions ?? found.actions;
      // A macro's references are checked again when it changes hands (a shared one may use only shared canned responses).
      await this.references.check(manager, principal.organizationId, owner, actions);
      const [[row]] = await manager.query(
        `UPDATE macro SET name = $3, owner_user_id = $4, actions = $5::jsonb, updated_at = now()
          WHERE organization_id = $1 AND id = $2 RETURNING *`,
        [principal.organizationId, id, input.name?.trim() ?? found.name, owner, JSON.stringify(actions)],
      );
      return view(row, principal);
    });
  }

  async remove(principal: AuthPrincipal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.editable(manager, principal, id);
      await manager.query(`DELETE FROM macro WHERE organization_id = $1 AND id = $2`, [principal.organizationId, id]);
    });
  }

  /**
   * Runs the macro's actions on the conversation in one transaction, as the officer (their reply goes
   * through the normal reply rules). The route has checked the officer may reach the conversation.
   */
  async run(principal: AuthPrincipal, conversationId: string, macroId: string): Promise<MacroRun> {
    const macro = await this.visible(this.dataSource.manager, principal, macroId);
    await this.runner.prepare();
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const [conversation] = await manager.query(
        `SELECT id FROM conversation WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [principal.organizationId, conversationId],
      );
      if (!conversation) {
        throw new DomainError(ErrorCode.ConversationNotFound);
      }
      return this.runner.run(manager, {
        organizationId: principal.organizationId,
        conversationId,
        messageId: null,
        origin: { kind: 'macro', macroId: macro.id, macroName: macro.name, userId: principal.userId },
        actions: macro.actions,
      });
    });
    return { macroId: macro.id, macroName: macro.name, outcomes };
  }

  /** Another officer's personal macro does not exist for the caller (404, not 403). */
  private async visible(manager: EntityManager, principal: AuthPrincipal, id: string): Promise<Record<string, any>> {
    const [row] = await manager.query(`SELECT * FROM macro WHERE organization_id = $1 AND id = $2`, [
      principal.organizationId,
      id,
    ]);
    if (!row || (row.owner_user_id !== null && row.owner_user_id !== principal.userId)) {
      throw new DomainError(ErrorCode.MacroNotFound);
    }
    return row;
  }

  private async editable(manager: EntityManager, principal: AuthPrincipal, id: string): Promise<Record<string, any>> {
    const found = await this.visible(manager, principal, id);
    if (found.owner_user_id === null && !isAdmin(principal)) {
      throw new DomainError(ErrorCode.MacroSharedAdminOnly);
    }
    return found;
  }
}

function isAdmin(principal: AuthPrincipal): boolean {
  return principal.roles.includes(UserRole.Admin);
}

function view(row: Record<string, any>, principal: AuthPrincipal): MacroView {
  const shared = row.owner_user_id === null;
  return {
    id: row.id,
    name: row.name,
    actions: row.actions,
    shared,
    editable: shared ? isAdmin(principal) : row.owner_user_id === principal.userId,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
