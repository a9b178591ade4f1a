import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LegalHold } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { AuditService } from './audit.service';
import { RetentionActor } from './retention.service';

/** A legal hold as listed for administrators and auditors. */
export interface LegalHoldView {
  conversationId: string;
  reason: string;
  placedAt: string;
  placedByUserId: string | null;
  /** E-mail of the user who placed it (null once that user is gone). */
  placedBy: string | null;
  channel: string;
  contactName: string | null;
  contactHandle: string | null;
}

/** Legal holds: a conversation on hold stays out of retention and erasure until released. */
@Injectable()
export class LegalHoldService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async placeHold(
    organizationId: string,
    conversationId: string,
    reason: string,
    actor: RetentionActor,
  ): Promise<LegalHold> {
    return this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const repo = manager.getRepository(LegalHold);
      const existing = await repo.findOneBy({ conversationId });
      if (existing) {
        throw new DomainError(ErrorCode.LegalHoldExists, { reason: existing.reason });
      }
      const hold = await repo.save(
        repo.create({ conversationId, organizationId, reason, placedByUserId: actor.userId }),
      );
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'conversation.legal_hold_placed',
          targetType: 'conversation',
          targetId: conversationId,
          after: { reason },
          requestId: actor.requestId,
        },
        manager,
      );
      return hold;
    });
  }

  /** The organization's legal holds, newest first, with who placed them and whose conversation it is. */
  async listHolds(organizationId: string): Promise<LegalHoldView[]> {
    const rows: Array<Omit<LegalHoldView, 'placedAt'> & { placedAt: Date }> = await this.dataSource.query(
      `SELECT h.conversation_id AS "conversationId", h.reason, h.placed_at AS "placedAt", h.placed_by_user_id AS "placedByUserId",
              u.email AS "placedBy", c.channel, ct.name AS "contactName", ct.handle AS "contactHandle"
         FROM legal_hold h
         JOIN conversation c ON c.id = h.conversation_id
         LEFT JOIN contact ct ON ct.id = c.contact_id
         LEFT JOIN app_user u ON u.id = h.placed_by_user_id
        WHERE h.organization_id = $1
        ORDER BY h.placed_at DESC, h.conversation_id`,
      [organizationId],
    );
    return rows.map((row) => ({ ...row, placedAt: new Date(row.placedAt).toISOString() }));
  }

  async releaseHold(organizationId: string, conversationId: string, actor: RetentionActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.conversationOf(manager, organizationId, conversationId);
      const hold = await manager.getRepository(LegalHold).findOneBy({ conversationId });
      if (!hold) {
        throw new DomainError(ErrorCode.LegalHoldNotFound);
      }
      await manager.getRepository(LegalHold).delete({ conversationId });
      await this.audit.record(
        {
          organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'conversation.legal_hold_released',
          targetType: 'conversation',
          targetId: conversationId,
          before: { reason: hold.reason, placedAt: hold.placedAt.toISOString() },
          requestId: actor.requestId,
        },
        manager,
      );
    });
  }

  private async conversationOf(manager: EntityManager, organizationId: string, conversationId: string): Promise<void> {
    const [row] = await manager.query('SELECT id FROM conversation WHERE id = $1 AND organization_id = $2 FOR UPDATE', [
      conversationId,
      organizationId,
    ]);
    if (!row) {
      throw new DomainError(ErrorCode.ConversationNotFound);
    }
  }
}
