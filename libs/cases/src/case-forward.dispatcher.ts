import { readFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import axios from 'axios';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CaseForwardStatus, CaseForwardTransport } from '@civic/domain';
import { MailRetryableError, MailService } from '@civic/mail';
import { CaseActor } from './case-actor';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CASE_SIGNATURE_HEADER, signCasePayload } from './case-signature';
import { DepartmentsService } from './departments.service';
import { CaseForwardPhotoCollector } from './photos/case-forward-photos.collector';

const TIMEOUT_MS = 10_000;
/** Photos attached to one forward e-mail, at most (base64 adds a third; common mail servers take 25 MB). */
const MAX_EMAIL_PHOTO_BYTES = 15 * 1024 * 1024;
/** Photos inlined (base64) into one webhook body, at most. */
const MAX_WEBHOOK_PHOTO_BYTES = 8 * 1024 * 1024;

/** The body answered in a way worth another attempt (network error, timeout, 5xx, 408, 429; SMTP 4xx). */
export class ForwardRetryableError extends Error {}

export type ForwardOutcome = 'sent' | 'failed' | 'already_done';

interface DeliveryAttempt {
  delivered: boolean;
  /** HTTP status of a webhook answer. */
  responseStatus: number | null;
  error: string | null;
  retryable: boolean;
}

/**
 * Delivers one queued forward, at least once; the receiver deduplicates on the forward id.
 * - webhook: POST of the JSON payload with X-Civic-Signature (HMAC-SHA256 of the exact bytes, the
 *   body's shared secret) and X-Civic-Delivery; the case's photos inlined as `photoFiles` (base64);
 * - e-mail: the payload's Turkish text through SMTP (MailService), with a Message-ID and
 *   X-Civic-Delivery derived from the forward id, and the case's photos attached (an address
 *   cannot sign in to civic-inbox to see them).
 * Photos leave as their display copies (upright JPEG, no EXIF), never as stored.
 */
@Injectable()
export class CaseForwardDispatcher {
  private readonly logger = new Logger(CaseForwardDispatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly history: CaseHistoryRecorder,
    private readonly mail: MailService,
    private readonly photos: CaseForwardPhotoCollector,
  ) {}

  async dispatch(forwardId: string, finalAttempt: boolean): Promise<ForwardOutcome> {
    const [forward] = await this.dataSource.query(
      `SELECT f.*, d.name AS body_name, d.webhook_secret_encrypted FROM case_forward f JOIN department d ON d.id = f.external_body_id WHERE f.id = $1`,
      [forwardId],
    );
    if (!forward || forward.status !== CaseForwardStatus.Queued) {
      return 'already_done';
    }
    const attempt =
      forward.transport === CaseForwardTransport.Email
        ? await this.sendEmail(forward)
        : await this.postWebhook(forward);
    if (attempt.delivered) {
      return this.finish(forward, CaseForwardStatus.Sent, attempt.responseStatus, null);
    }
    if (attempt.retryable && !finalAttempt) {
      await this.dataSource.query(
        `UPDATE case_forward SET attempts = attempts + 1, last_error = $2, response_status = $3, updated_at = now() WHERE id = $1`,
        [forwardId, attempt.error, attempt.responseStatus],
      );
      this.logger.warn(`Forward ${forwardId} to ${forward.target}: ${attempt.error}; will retry`);
      throw new ForwardRetryableError(`Forward ${forwardId}: ${attempt.error}`);
    }
    return this.finish(forward, CaseForwardStatus.Failed, attempt.responseStatus, attempt.error);
  }

  private async postWebhook(forward: Record<string, any>): Promise<DeliveryAttempt> {
    if (!forward.webhook_secret_encrypted) {
      return {
        delivered: false,
        responseStatus: null,
        error: 'The external body has no webhook secret to sign with',
        retryable: false,
      };
    }
    const photos = await this.photos.collect(forward.case_id, forward.organization_id, MAX_WEBHOOK_PHOTO_BYTES);
    const photoFiles = [];
    for (const file of photos.files) {
      photoFiles.push({
        fileName: file.filename,
        contentType: file.contentType,
        caption: file.caption,
        data: (await readFile(file.path)).toString('base64'),
      });
    }
    const raw = JSON.stringify({ ...forward.payload, photoFiles, photoFilesLeftOut: photos.total - photoFiles.length });
    try {
      const response = await axios.post(forward.target, raw, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [CASE_SIGNATURE_HEADER]: signCasePayload(
            raw,
            this.departments.decryptSecret(forward.webhook_secret_encrypted),
          ),
          'x-civic-delivery': forward.id,
          'x-civic-event': 'case.forwarded',
          'user-agent': 'civic-inbox',
        },
        timeout: TIMEOUT_MS,
        maxRedirects: 0,
        validateStatus: () => true,
        transformRequest: [(data) => data],
      });
      const status = response.status;
      if (status >= 200 && status < 300) {
        return { delivered: true, responseStatus: status, error: null, retryable: false };
      }
      return {
        delivered: false,
        responseStatus: status,
        error: `HTTP ${status}`,
        retryable: status >= 500 || status === 408 || status === 429,
      };
    } catch (e) {
      return { delivered: false, responseStatus: null, error: (e as Error).message, retryable: true };
    }
  }

  private async sendEmail(forward: Record<string, any>): Promise<DeliveryAttempt> {
    const { subject, body } = forward.payload.email as { subject: string; body: string };
    const photos = await this.photos.collect(forward.case_id, forward.organization_id, MAX_EMAIL_PHOTO_BYTES);
    const photoLine = photos.total > 0 ? `\nEkli fotoğraf: ${photos.files.length} / ${photos.total}` : '';
    try {
      await this.mail.send({
        to: forward.target,
        subject,
        text: `${body}${photoLine}`,
        attachments: photos.files.map(({ filename, path, contentType }) => ({ filename, path, contentType })),
        messageId: `<case-forward.${forward.id}@civic-inbox>`,
        headers: { 'X-Civic-Delivery': forward.id, 'X-Civic-Event': 'case.forwarded' },
      });
      return { delivered: true, responseStatus: null, error: null, retryable: false };
    } catch (e) {
      return {
        delivered: false,
        responseStatus: null,
        error: (e as Error).message,
        retryable: e instanceof MailRetryableError,
      };
    }
  }

  private async finish(
    forward: Record<string, any>,
    status: CaseForwardStatus,
    responseStatus: number | null,
    error: string | null,
  ): Promise<ForwardOutcome> {
    // The worker records for any case of the organization: an explicit bypass of account grants.
    const actor: CaseActor = {
      organizationId: forward.organization_id,
      scope: AccountScope.wholeOrganization(forward.organization_id),
      userId: null,
      label: 'system',
    };
    return this.dataSource.transaction(async (manager) => {
      const [updated] = await manager.query(
        `UPDATE case_forward SET status = $2, attempts = attempts + 1, response_status = $3, last_error = $4,
                sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END, updated_at = now()
          WHERE id = $1 AND status = 'queued' RETURNING id`,
        [forward.id, status, responseStatus, error],
      );
      if (updated.length === 0) {
        return 'already_done';
      }
      await this.history.record(manager, actor, forward.case_id, {
        action: status === CaseForwardStatus.Sent ? 'forward.sent' : 'forward.failed',
        after: {
          forwardId: forward.id,
          externalBody: forward.body_name,
          target: forward.target,
          responseStatus,
          error,
        },
      });
      return status === CaseForwardStatus.Sent ? 'sent' : 'failed';
    });
  }
}
