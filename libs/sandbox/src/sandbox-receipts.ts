import type { DataSource } from 'typeorm';
import { whatsappMessagesWebhook } from '@civic/testing';
import type { SeededRandom } from './demo-history/seeded-random';
import { SANDBOX_IDS } from './sandbox-channels';

interface SentReply {
  id: string;
  channel: string;
  external_id: string;
  account_external_id: string;
  citizen: string;
  citizen_name: string | null;
  delivery_state: string;
  age_ms: number;
  since_update_ms: number;
}

/** Seconds before the citizen's phone confirms delivery, and before they read it. */
const DELIVERED_AFTER_MS = 2000;
const READ_AFTER_MS = 5000;
const REACTIONS = ['👍', '🙏', '❤️'];

/**
 * What the channels send back about the officers' replies on sandbox accounts: WhatsApp `statuses`
 * (delivered, then read a few seconds later), Messenger `delivery` and `read`, Instagram `read`, and
 * now and then a citizen's reaction to the answer on WhatsApp. Each reply gets each receipt once.
 */
export class SandboxReceipts {
  private readonly done = new Map<string, Set<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly random: SeededRandom,
  ) {}

  /** Webhook bodies to post now (oldest replies first). */
  async due(): Promise<unknown[]> {
    const replies: SentReply[] = await this.dataSource.query(
      `SELECT m.id, m.channel, m.external_id, a.external_id AS account_external_id, ct.channel_user_id AS citizen, ct.name AS citizen_name, m.delivery_state,
              (extract(epoch FROM now() - m.sent_at) * 1000)::float8 AS age_ms,
              (extract(epoch FROM now() - coalesce(m.delivery_updated_at, m.sent_at)) * 1000)::float8 AS since_update_ms
         FROM message m
         JOIN channel_account a ON a.id = m.channel_account_id AND a.sandbox
         JOIN conversation c ON c.id = m.conversation_id AND c.kind = 'direct'
         JOIN contact ct ON ct.id = c.contact_id
        WHERE m.direction = 'out' AND m.external_id IS NOT NULL AND m.delivery_state IN ('sent', 'delivered')
          AND m.sent_at > now() - interval '10 minutes' AND m.channel IN ('whatsapp', 'facebook', 'instagram')
        ORDER BY m.sent_at LIMIT 50`,
    );
    const bodies: unknown[] = [];
    for (const reply of replies) {
      const sent = this.done.get(reply.id) ?? new Set<string>();
      this.done.set(reply.id, sent);
      const next = reply.delivery_state === 'sent' && reply.age_ms >= DELIVERED_AFTER_MS ? 'delivered' : null;
      const read = reply.delivery_state === 'delivered' && reply.since_update_ms >= READ_AFTER_MS ? 'read' : null;
      const state = next ?? read;
      if (!state || sent.has(state)) {
        continue;
      }
      sent.add(state);
      bodies.push(...this.receipt(reply, state));
    }
    if (this.done.size > 500) {
      this.done.clear();
    }
    return bodies;
  }

  private receipt(reply: SentReply, state: 'delivered' | 'read'): unknown[] {
    const seconds = Math.floor(Date.now() / 1000);
    if (reply.channel === 'whatsapp') {
      const status = whatsappStatus(reply, state, seconds);
      // Some citizens answer the answer with a reaction once they have read it.
      return state === 'read' && this.random.chance(0.15) ? [status, this.reaction(reply, seconds)] : [status];
    }
    const page = reply.account_external_id;
    const event = { sender: { id: reply.citizen }, recipient: { id: page }, timestamp: seconds * 1000 };
    if (reply.channel === 'instagram') {
      // Instagram sends read receipts naming the message, and no delivery receipts.
      return state === 'read'
        ? [
            {
              object: 'instagram',
              entry: [{ id: page, time: seconds * 1000, messaging: [{ ...event, read: { mid: reply.external_id } }] }],
            },
          ]
        : [];
    }
    const receipt =
      state === 'delivered'
        ? { delivery: { mids: [reply.external_id], watermark: seconds * 1000 } }
        : { read: { watermark: seconds * 1000 } };
    return [{ object: 'page', entry: [{ id: page, time: seconds * 1000, messaging: [{ ...event, ...receipt }] }] }];
  }

  private reaction(reply: SentReply, seconds: number): unknown {
    return whatsappMessagesWebhook(
      {
        phoneNumberId: SANDBOX_IDS.whatsappPhone,
        businessAccountId: SANDBOX_IDS.whatsappBusiness,
        displayPhoneNumber: '903522220000',
      },
      [{ waId: reply.citizen, name: reply.citizen_name ?? reply.citizen }],
      [
        {
          from: reply.citizen,
          id: `wamid.SANDBOXR${reply.id.replace(/-/g, '').slice(0, 20)}`,
          timestamp: String(seconds),
          type: 'reaction',
          reaction: { message_id: reply.external_id, emoji: this.random.pick(REACTIONS) },
        },
      ],
    );
  }
}

function whatsappStatus(reply: SentReply, state: string, seconds: number): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: SANDBOX_IDS.whatsappBusiness,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '903522220000', phone_number_id: SANDBOX_IDS.whatsappPhone },
              statuses: [
                { id: reply.external_id, status: state, timestamp: String(seconds), recipient_id: reply.citizen },
              ],
            },
          },
        ],
      },
    ],
  };
}
