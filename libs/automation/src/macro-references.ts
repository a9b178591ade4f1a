import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseCategoriesService } from '@civic/cases';
import { DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import type { ConversationAction } from './conversation-action';
import { ConversationActionKind as K } from './conversation-action';

/**
 * The values a macro's actions name must exist when it is saved: an active officer, a category, a
 * directorate or external body, a canned response the macro's users can see (a shared macro: a shared
 * one). Each problem is named by its place, e.g. "actions.2.cannedResponseId …". Teams are checked
 * when the macro runs (the teams part owns them).
 */
@Injectable()
export class MacroReferences {
  constructor(private readonly categories: CaseCategoriesService) {}

  async check(
    manager: EntityManager,
    organizationId: string,
    ownerUserId: string | null,
    actions: ConversationAction[],
  ): Promise<void> {
    const errors: string[] = [];
    for (const [index, action] of actions.entries()) {
      const at = `actions.${index}`;
      const found = async (sql: string, params: unknown[]) => (await manager.query(sql, params)).length > 0;
      if (action.kind === K.AssignOfficer) {
        const ok = await found(
          `SELECT 1 FROM app_user WHERE organization_id = $1 AND id = $2 AND active AND roles && ARRAY['admin','officer']::text[]`,
          [organizationId, action.userId],
        );
        if (!ok) {
          errors.push(`${at}.userId must be an active officer or administrator of your organization`);
        }
      } else if (action.kind === K.OpenCase) {
        try {
          // Without a category the learned suggestion decides when the case is opened.
          if (action.categoryKey !== undefined) {
            await this.categories.resolve(manager, organizationId, action.categoryKey, `${at}.categoryKey`);
          }
        } catch (error) {
          if (!(error instanceof DomainError)) {
            throw error;
          }
          errors.push(...((error.details?.errors as string[]) ?? [`${at}.categoryKey is unknown`]));
        }
        if (
          action.departmentId &&
          !(await this.department(manager, organizationId, action.departmentId, DepartmentKind.Department))
        ) {
          errors.push(`${at}.departmentId must be an active directorate of your organization`);
        }
      } else if (action.kind === K.ForwardCase) {
        if (!(await this.department(manager, organizationId, action.departmentId, DepartmentKind.ExternalBody))) {
          errors.push(`${at}.departmentId must be an active external body of your organization`);
        }
      } else if (action.kind === K.SendCannedResponse) {
        const ok = await found(
          `SELECT 1 FROM canned_response WHERE organization_id = $1 AND id = $2 AND (owner_user_id IS NULL OR owner_user_id = $3)`,
          [organizationId, action.cannedResponseId, ownerUserId],
        );
        if (!ok) {
          errors.push(
            ownerUserId
              ? `${at}.cannedResponseId must be a shared canned response or one of your own`
              : `${at}.cannedResponseId must be a shared canned response`,
          );
        }
      }
    }
    if (errors.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors });
    }
  }

  private async department(manager: EntityManager, organizationId: string, id: string, kind: DepartmentKind) {
    const rows = await manager.query(
      `SELECT 1 FROM department WHERE organization_id = $1 AND id = $2 AND kind = $3 AND active`,
      [organizationId, id, kind],
    );
    return rows.length > 0;
  }
}
