import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';
import { presentAttachments } from './attachment-view';
import { CONVERSATION_COLUMNS, CONVERSATION_JOINS, ConversationRow, toConversationView } from './conversation-row';

/** A citizen across channels: their identities (linked manually through person_id) and history, as far as the caller's accounts reach. */
@Injectable()
export class ContactsService {
  constructor(private readonly dataSource: DataSource) {}

  async profile(scope: AccountScope, id: string) {
    const contact = await this.require(scope, id);
    const linked = await this.linkedIds(scope, contact);
    const identities: Record<string, any>[] = await this.dataSource.query(
      `SELECT ct.id, ct.channel, ct.name, ct.handle, ct.phone, ct.person_id, ct.last_seen_at, a.id AS account_id, a.name AS account_name
         FROM contact ct JOIN channel_account a ON a.id = ct.channel_account_id
        WHERE ct.organization_id = $1 AND ct.id = ANY($2::uuid[]) ORDER BY ct.created_at, ct.id`,
      [scope.organizationId, linked],
    );
    const params: unknown[] = [scope.organizationId, linked];
    const conversations: ConversationRow[] = await this.dataSource.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversation c ${CONVERSATION_JOINS}
        WHERE c.organization_id = $1 AND c.contact_id = ANY($2::uuid[]) AND ${scope.accountCondition('c.channel_account_id', params)}
        ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 200`,
      params,
    );
    const view = (r: Record<string, any>) => ({
      id: r.id,
      channel: r.channel,
      name: r.name,
      handle: r.handle,
      phone: r.phone,
      personId: r.person_id,
      lastSeenAt: r.last_seen_at?.toISOString() ?? null,
      account: { id: r.account_id, name: r.account_name },
    });
    const self = identities.find((i) => i.id === id)!;
    return {
      ...view(self),
      linkedContacts: identities.filter((i) => i.id !== id).map(view),
      conversations: conversations.map((r) => toConversationView(r)),
    };
  }

  /** Marks two identities as the same person; joining two existing groups merges them. */
  async link(scope: AccountScope, id: string, otherId: string) {
    if (id === otherId) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['otherContactId must be another contact'] });
    }
    const organizationId = scope.organizationId;
    await this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [organizationId, [id, otherId]];
      const rows: { id: string; person_id: string | null }[] = await manager.query(
        `SELECT id, person_id FROM contact WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND ${scope.accountCondition('channel_account_id', params)} FOR UPDATE`,
        params,
      );
      if (!rows.some((r) => r.id === id)) {
        throw new DomainError(ErrorCode.ContactNotFound);
      }
      if (!rows.some((r) => r.id === otherId)) {
        throw new DomainError(ErrorCode.OtherContactNotFound);
      }
      const existing = [...new Set(rows.map((r) => r.person_id).filter((p): p is string => !!p))];
      const personId = existing[0] ?? randomUUID();
      await manager.query(
        `UPDATE contact SET person_id = $2
          WHERE organization_id = $1 AND (id = ANY($3::uuid[]) OR person_id = ANY($4::uuid[]))`,
        [organizationId, personId, [id, otherId], existing],
      );
    });
    return this.profile(scope, id);
  }

  /** Every message of the person across linked identities, newest first (up to `limit`). */
  async history(scope: AccountScope, id: string, limit = 200) {
    const contact = await this.require(scope, id);
    const linked = await this.linkedIds(scope, contact);
    const params: unknown[] = [scope.organizationId, linked, limit];
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT m.id, m.conversation_id, m.channel, m.direction, m.kind, m.text, m.attachments, m.sent_at, m.deleted, m.edited,
              m.delivery_state, a.name AS account_name
         FROM conversation c
         JOIN message m ON m.conversation_id = c.id
         JOIN channel_account a ON a.id = c.channel_account_id
        WHERE c.organization_id = $1 AND (c.contact_id = ANY($2::uuid[]) OR m.contact_id = ANY($2::uuid[]))
          AND ${scope.accountCondition('c.channel_account_id', params)}
        ORDER BY m.sent_at DESC, m.id DESC LIMIT $3`,
      params,
    );
    return {
      contactIds: linked,
      items: rows.map((m) => ({
        id: m.id,
        conversationId: m.conversation_id,
        channel: m.channel,
        account: m.account_name,
        direction: m.direction,
        kind: m.kind,
        text: m.text,
        attachments: presentAttachments(m.id, m.attachments),
        sentAt: m.sent_at.toISOString(),
        deleted: m.deleted,
        edited: m.edited,
        deliveryState: m.delivery_state,
      })),
    };
  }

  private async require(scope: AccountScope, id: string): Promise<{ id: string; person_id: string | null }> {
    const params: unknown[] = [scope.organizationId, id];
    const [row] = await this.dataSource.query(
      `SELECT id, person_id FROM contact WHERE organization_id = $1 AND id = $2 AND ${scope.accountCondition('channel_account_id', params)}`,
      params,
    );
    if (!row) {
      throw new DomainError(ErrorCode.ContactNotFound);
    }
    return row;
  }

  /** The contact and the identities linked to it, on the scope's accounts only. */
  private async linkedIds(scope: AccountScope, contact: { id: string; person_id: string | null }): Promise<string[]> {
    if (!contact.person_id) {
      return [contact.id];
    }
    const params: unknown[] = [scope.organizationId, contact.person_id];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM contact WHERE organization_id = $1 AND person_id = $2 AND ${scope.accountCondition('channel_account_id', params)}`,
      params,
    );
    return rows.map((r) => r.id);
  }
}
