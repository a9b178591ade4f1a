import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@civic/config';
import { CaseForwardStatus, CaseForwardTransport, CaseStatus, DepartmentKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { MailService } from '@civic/mail';
import { QueueService } from '@civic/queue';
import { CaseActor } from './case-actor';
import { CASE_FORWARD_QUEUE, CaseForwardJob } from './case-forward.queue';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CaseView } from './case-view';
import { CasesService } from './cases.service';

/**
 * Forwards a case to an external body: the status change, the delivery rows and their jobs are
 * written in one transaction (transactional outbox), so a forward is recorded exactly when it will
 * be delivered. The worker POSTs the webhook and, with SMTP_URL set, sends the e-mail
 * (CaseForwardDispatcher); without SMTP_URL the e-mail row stays in status "outbox" for a person or
 * a mail relay to send.
 *
 * The payload carries the case text, category, location (coordinates and an OpenStreetMap link) and
 * photo references, not the citizen's name or phone number (KVKK: the body answers through
 * civic-inbox, which tells the citizen). The photos themselves go with the delivery, as copies
 * without EXIF (CaseForwardDispatcher); the channel's media ids and URLs, which lead to the
 * citizen's original file, are not sent.
 */
@Injectable()
export class CaseForwardingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly history: CaseHistoryRecorder,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  async forward(
    actor: CaseActor,
    id: string,
    externalBodyId: string,
    note?: string,
    outer?: EntityManager,
  ): Promise<CaseView & { deliveries: { id: string; transport: string; status: string }[] }> {
    const deliveries: { id: string; transport: string; status: string }[] = [];
    // With `outer` (the automation runner) the forward is written in the caller's transaction.
    const work = async (manager: EntityManager): Promise<CaseView> => {
      let body: { id: string; name: string; email: string | null; webhook_url: string | null } | undefined;
      const result = await this.cases.transition(
        actor,
        id,
        CaseStatus.Forwarded,
        note,
        async (tx, current) => {
          [body] = await tx.query(
            `SELECT id, name, kind, email, webhook_url, active FROM department WHERE organization_id = $1 AND id = $2`,
            [actor.organizationId, externalBodyId],
          );
          const row = body as { kind?: string; active?: boolean } | undefined;
          if (!row || row.kind !== DepartmentKind.ExternalBody || !row.active) {
            throw new DomainError(ErrorCode.ValidationFailed, {
              errors: ['externalBodyId must be an active external body of your organization'],
            });
          }
          if (!body!.webhook_url && !body!.email) {
            throw new DomainError(ErrorCode.ValidationFailed, {
              errors: ['externalBodyId has neither a webhook URL nor an e-mail address to forward to'],
            });
          }
          return {
            action: 'forwarded',
            sets: { external_body_id: body!.id },
            before: { externalBodyId: current.external_body_id },
            after: { externalBody: { id: body!.id, name: body!.name } },
          };
        },
        manager,
      );
      const payload = await this.payload(manager, actor.organizationId, result, body!.id, note ?? null);
      if (body!.webhook_url) {
        deliveries.push(
          await this.queueDelivery(
            manager,
            actor,
            id,
            body!.id,
            CaseForwardTransport.Webhook,
            body!.webhook_url,
            payload,
          ),
        );
      }
      if (body!.email) {
        const withText = { ...payload, email: emailText(payload) };
        deliveries.push(
          this.mail.enabled
            ? await this.queueDelivery(manager, actor, id, body!.id, CaseForwardTransport.Email, body!.email, withText)
            : await this.writeEmailOutbox(manager, actor, id, body!.id, body!.email, withText),
        );
      }
      return result;
    };
    const view = outer ? await work(outer) : await this.dataSource.transaction(work);
    return { ...view, deliveries };
  }

  /** A delivery row for the worker and its job (webhook POST, or e-mail when SMTP is configured). */
  private async queueDelivery(
    manager: EntityManager,
    actor: CaseActor,
    caseId: string,
    bodyId: string,
    transport: CaseForwardTransport,
    target: string,
    payload: Record<string, unknown>,
  ) {
    // The row's own id travels in its payload: receivers deduplicate on it (X-Civic-Delivery).
    const forwardId = randomUUID();
    await manager.query(
      `INSERT INTO case_forward (id, organization_id, case_id, external_body_id, transport, target, payload, status, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      [
        forwardId,
        actor.organizationId,
        caseId,
        bodyId,
        transport,
        target,
        JSON.stringify({ ...payload, forwardId }),
        CaseForwardStatus.Queued,
        actor.userId,
      ],
    );
    await this.queue.send<CaseForwardJob>(CASE_FORWARD_QUEUE, { forwardId }, { id: forwardId }, manager);
    await this.history.record(manager, actor, caseId, {
      action: 'forward.queued',
      after: { forwardId, transport, target },
    });
    return { id: forwardId, transport, status: CaseForwardStatus.Queued };
  }

  private async writeEmailOutbox(
    manager: EntityManager,
    actor: CaseActor,
    caseId: string,
    bodyId: string,
    email: string,
    payload: Record<string, unknown>,
  ) {
    const [row] = await manager.query(
      `INSERT INTO case_forward (organization_id, case_id, external_body_id, transport, target, payload, status, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING id`,
      [
        actor.organizationId,
        caseId,
        bodyId,
        CaseForwardTransport.Email,
        email,
        JSON.stringify(payload),
        CaseForwardStatus.Outbox,
        actor.userId,
      ],
    );
    await this.history.record(manager, actor, caseId, {
      action: 'forward.email_outbox',
      // No mailer configured (SMTP_URL): the e-mail waits in the outbox. A fact, not a note, so each
      // screen words it in its own language.
      after: { forwardId: row.id, transport: 'email', target: email, mailer: false },
    });
    return { id: row.id as string, transport: CaseForwardTransport.Email, status: CaseForwardStatus.Outbox };
  }

  private async payload(
    manager: EntityManager,
    organizationId: string,
    view: CaseView,
    bodyId: string,
    note: string | null,
  ): Promise<Record<string, unknown>> {
    const [org] = await manager.query(`SELECT name FROM organization WHERE id = $1`, [organizationId]);
    const base = this.config.env.PUBLIC_URL?.replace(/\/$/, '') ?? null;
    return {
      event: 'case.forwarded',
      organization: org?.name ?? null,
      case: {
        id: view.id,
        caseNumber: view.caseNumber,
        category: { code: view.category.code, name: view.category.name },
        description: view.description,
        priority: view.priority,
        createdAt: view.createdAt,
        dueAt: view.dueAt,
        channel: view.channel,
        location: view.location ? { ...view.location, mapUrl: mapLink(view.location) } : null,
        // References: the civic-inbox path (signed-in access only); the files travel with the delivery.
        photos: view.photos.map((p) => ({
          type: p.type,
          path: base ? `${base}${p.path}` : p.path,
          mimeType: p.mimeType,
          caption: p.caption,
        })),
      },
      note,
      // Where the body posts updates back, signed with the same shared secret.
      replyUrl: base ? `${base}/webhooks/cases/${bodyId}` : `/webhooks/cases/${bodyId}`,
    };
  }
}

/** An OpenStreetMap link with a marker at the position (no account, no tracking parameters). */
export function mapLink(location: { latitude: number; longitude: number }): string {
  const { latitude, longitude } = location;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
}

function emailText(payload: Record<string, any>): { subject: string; body: string } {
  const c = payload.case;
  const location = c.location
    ? `${c.location.latitude}, ${c.location.longitude}${c.location.label ? ` (${c.location.label})` : ''}`
    : 'belirtilmedi';
  const map = c.location ? `Harita: ${c.location.mapUrl ?? mapLink(c.location)}` : '';
  return {
    subject: `Başvuru ${c.caseNumber}: ${c.category.name}`,
    body: [
      `${payload.organization ?? ''} tarafından iletilen başvuru`,
      `Kategori: ${c.category.name}`,
      `Açıklama: ${c.description ?? ''}`,
      `Konum: ${location}`,
      map,
      `Fotoğraf sayısı: ${c.photos.length}`,
      payload.note ? `Not: ${payload.note}` : '',
      `Yanıt adresi: ${payload.replyUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
