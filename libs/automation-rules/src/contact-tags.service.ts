import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import type { AccountScope } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';

export const MAX_CONTACT_TAGS = 20;
export const CONTACT_TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .'_-]{0,39}$/u;

/** Tags as stored: trimmed, inner spaces collapsed, Turkish lower case, each once, in the order given. */
export function normalizeContactTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ').toLocaleLowerCase('tr')).filter((t) => t !== ''))];
}

/**
 * The officers' tags on a citizen (muhtar, basın, engelli …): read and replaced as a whole, within
 * the caller's account grants, each change audited with the tags before and after. Rules read them
 * (contact_tag); they are not shown to the citizen.
 */
@Injectable()
export class ContactTagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(scope: AccountScope, contactId: string): Promise<{ tags: string[] }> {
    const params: unknown[] = [scope.organizationId, contactId];
    const [row]: { tags: string[] }[] = await this.dataSource.query(
      `SELECT tags FROM contact WHERE organization_id = $1 AND id = $2 AND ${scope.accountCondition('channel_account_id', params)}`,
      params,
    );
    if (!row) {
      throw new DomainError(ErrorCode.ContactNotFound);
    }
    return { tags: row.tags };
  }

  async set(
    scope: AccountScope,
    actor: { userId: string; label: string },
    contactId: string,
    tags: readonly string[],
  ): Promise<{ tags: string[] }> {
    const next = normalizeContactTags(tags);
    const problems = next.flatMap((t, i) =>
      CONTACT_TAG_PATTERN.test(t) ? [] : [`tags.${i} must be 1 to 40 letters, digits, spaces or . ' _ -`],
    );
    if (next.length > MAX_CONTACT_TAGS) {
      problems.push(`tags must name at most ${MAX_CONTACT_TAGS} tags`);
    }
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: problems });
    }
    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [scope.organizationId, contactId];
      const [row]: { tags: string[] }[] = await manager.query(
        `SELECT tags FROM contact WHERE organization_id = $1 AND id = $2 AND ${scope.accountCondition('channel_account_id', params)} FOR UPDATE`,
        params,
      );
      if (!row) {
        throw new DomainError(ErrorCode.ContactNotFound);
      }
      if (JSON.stringify(row.tags) === JSON.stringify(next)) {
        return { tags: next };
      }
      await manager.query(`UPDATE contact SET tags = $3 WHERE organization_id = $1 AND id = $2`, [
        scope.organizationId,
        contactId,
        next,
      ]);
      await this.audit.record(
        {
          organizationId: scope.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'contact.tags_changed',
          targetType: 'contact',
          targetId: contactId,
          before: { tags: row.tags },
          after: { tags: next },
        },
        manager,
      );
      return { tags: next };
    });
  }
}
