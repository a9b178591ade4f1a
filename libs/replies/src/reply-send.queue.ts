import type { QueueDefinition } from '@civic/queue';

/** Job data of one reply to send: the queued outbound message. */
export interface ReplySendJob {
  messageId: string;
  /** The sending account: the worker caps parallel sends per account. Absent on jobs queued by older versions. */
  channelAccountId?: string;
}

export const REPLY_SEND_QUEUE_NAME = 'reply.send';
/** A send attempt that takes longer than this is considered lost (the worker died); the claim then tells what to do. */
export const REPLY_SEND_EXPIRE_SECONDS = 120;
export const REPLY_SEND_RETRY_LIMIT = 5;

export function replySendQueue(retryDelaySeconds: number): QueueDefinition {
  return {
    name: REPLY_SEND_QUEUE_NAME,
    retryLimit: REPLY_SEND_RETRY_LIMIT,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: REPLY_SEND_EXPIRE_SECONDS,
  };
}
