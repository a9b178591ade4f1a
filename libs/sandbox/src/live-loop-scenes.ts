import type { DataSource } from 'typeorm';
import { BUTTON_RATINGS, fill, OPT_OUTS, STATUS_QUERIES, TYPED_RATINGS } from './demo-history/loop-texts';
import { SeededRandom } from './demo-history/seeded-random';
import type { LiveScene } from './live-scenes';
import { messaging, whatsapp } from './live-scenes';

/** A citizen of a sandbox WhatsApp or Messenger thread, and one of their cases. */
interface LoopCitizen {
  channel: 'whatsapp' | 'facebook';
  account_external_id: string;
  channel_user_id: string;
  name: string | null;
  case_number: string;
}

const KINDS = { rating: 45, status: 35, optOut: 20 };
/** Only the sandbox's own Direct threads, on the channels whose scenes the live sandbox plays. */
const THREAD = `JOIN conversation c ON c.id = k.conversation_id AND c.kind = 'direct'
  JOIN channel_account a ON a.id = c.channel_account_id AND a.sandbox AND a.channel IN ('whatsapp', 'facebook')
  JOIN contact ct ON ct.id = c.contact_id
  LEFT JOIN citizen_contact_state st ON st.organization_id = k.organization_id AND st.contact_id = ct.id`;
const COLUMNS = `a.channel, a.external_id AS account_external_id, ct.channel_user_id, ct.name, k.case_number`;

/**
 * The live sandbox's answers to the product's automatic loop, through the same fake channels as
 * every scene, so the real handlers answer them: a citizen rates a resolution they were asked about
 * (WhatsApp reply button or typed), asks "durum <their case number>", or writes DUR. The citizens
 * are real ones of the database (seeded history or earlier live scenes); each is used once.
 */
export class LiveLoopScenes {
  private readonly random: SeededRandom;
  private readonly used = new Set<string>();
  private n = 0;

  constructor(
    private readonly dataSource: DataSource,
    seed: number,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** The next loop scene, or null when no citizen fits (e.g. nothing resolved recently). */
  async next(organizationId: string, now = new Date()): Promise<LiveScene | null> {
    const first = this.random.weighted(KINDS);
    for (const kind of [first, ...Object.keys(KINDS).filter((k) => k !== first)] as (keyof typeof KINDS)[]) {
      const scene = await this.make(kind, organizationId, now);
      if (scene) {
        return scene;
      }
    }
    return null;
  }

  async make(kind: keyof typeof KINDS, organizationId: string, now = new Date()): Promise<LiveScene | null> {
    const candidates = await this.candidates(kind, organizationId);
    if (candidates.length === 0) {
      return null;
    }
    const citizen = this.random.pick(candidates);
    this.used.add(`${citizen.channel_user_id}|${kind}`);
    if (kind === 'rating') {
      const rating = Number(this.random.weighted({ 5: 45, 4: 30, 3: 12, 2: 7, 1: 6 }));
      const button = citizen.channel === 'whatsapp' && BUTTON_RATINGS[rating] !== undefined && this.random.chance(0.7);
      if (button) {
        return this.scene(citizen, 'Satisfaction answer (button)', now, null, {
          type: 'interactive',
          interactive: {
            type: 'button_reply',
            button_reply: { id: `survey:${rating}`, title: BUTTON_RATINGS[rating] },
          },
        });
      }
      return this.scene(citizen, 'Satisfaction answer', now, this.random.pick(TYPED_RATINGS[rating]));
    }
    if (kind === 'status') {
      const text = fill(this.random.pick(STATUS_QUERIES), { no: citizen.case_number });
      return this.scene(citizen, 'Status query', now, text);
    }
    return this.scene(citizen, 'Opt-out (DUR)', now, this.random.pick(OPT_OUTS));
  }

  private async candidates(kind: keyof typeof KINDS, organizationId: string): Promise<LoopCitizen[]> {
    // Rating: an open question (sent, unanswered, asked in the last six days); status and DUR: a case of the last two weeks.
    const sql =
      kind === 'rating'
        ? `SELECT ${COLUMNS} FROM case_satisfaction s JOIN civic_case k ON k.id = s.case_id ${THREAD}
            WHERE s.organization_id = $1 AND s.answered_at IS NULL AND s.asked_at > now() - interval '6 days'
              AND st.opted_out_at IS NULL AND s.contact_id = ct.id
              AND EXISTS (SELECT 1 FROM citizen_notice n WHERE n.organization_id = s.organization_id AND n.state = 'sent'
                           AND n.event_key = 'survey:' || s.case_id || ':' || s.resolution_count)
            ORDER BY s.asked_at DESC LIMIT 40`
        : `SELECT ${COLUMNS} FROM civic_case k ${THREAD}
            WHERE k.organization_id = $1 AND k.created_at > now() - interval '14 days' AND k.status <> 'merged'
              AND k.contact_id = ct.id AND st.opted_out_at IS NULL
            ORDER BY k.created_at DESC LIMIT 40`;
    const rows: LoopCitizen[] = await this.dataSource.query(sql, [organizationId]);
    return rows.filter((r) => !this.used.has(`${r.channel_user_id}|${kind}`));
  }

  private scene(
    citizen: LoopCitizen,
    label: string,
    now: Date,
    text: string | null,
    message?: Record<string, unknown>,
  ): LiveScene {
    const seconds = Math.floor(now.getTime() / 1000);
    const id = `${seconds}${++this.n}${this.random.digits(4)}`;
    if (citizen.channel === 'whatsapp') {
      const person = { phone: citizen.channel_user_id, name: citizen.name ?? 'Vatandaş' };
      return {
        label,
        ...whatsapp(person, `LOOP${id}`, seconds, message ?? { type: 'text', text: { body: text } }),
      };
    }
    return {
      label,
      kind: 'meta-webhook',
      body: messaging('page', citizen.account_external_id, seconds, [
        {
          sender: { id: citizen.channel_user_id },
          recipient: { id: citizen.account_external_id },
          timestamp: seconds * 1000,
          message: { mid: `m_sandbox_loop_${id}`, text },
        },
      ]),
    };
  }
}
