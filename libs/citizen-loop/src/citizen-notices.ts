import type { EntityManager } from 'typeorm';
import type { CitizenNoticeKind } from './citizen-notice-kind';
import type { CitizenNoticeRequest } from './citizen-notice-request';

/**
 * The one way to send a citizen an automatic message (DI token; implemented by
 * CitizenNoticeService). `enqueue` writes the notice in the caller's transaction and answers false
 * when that event key was already enqueued; whether it may be sent at all (switched off, opted out,
 * erased, channel window closed) is decided and recorded when it is sent.
 */
export abstract class CitizenNotices {
  abstract enqueue(manager: EntityManager, request: CitizenNoticeRequest): Promise<boolean>;

  /** The organization has this kind switched on (e.g. the resolve endpoint leaves telling the citizen to it). */
  abstract isEnabled(manager: EntityManager, organizationId: string, kind: CitizenNoticeKind): Promise<boolean>;
}
