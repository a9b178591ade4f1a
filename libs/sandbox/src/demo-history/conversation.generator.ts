import { randomUUID } from 'node:crypto';
import type { MessageAttachment } from '@civic/domain';
import { AttachmentType, foldForSearch } from '@civic/domain';
import { iso } from './case-rows';
import type { CasePlanner, PlannedCase } from './case.planner';
import type { Route } from './channel-routes';
import { contactFor, messageExternalId, PostPool } from './channel-routes';
import type { NoticeMessageRow } from './citizen-loop-rows';
import {
  FOLLOW_UPS,
  MAYOR_NON_REQUESTS,
  NON_REQUESTS,
  PHOTO_CAPTIONS,
  THANKS,
  drawPlace,
  requestText,
  typed,
} from './citizen-texts';
import type { ConversationTopic, Draft, StoredPhoto } from './conversation-parts';
import { casePhoto } from './conversation-parts';
import { responseTime } from './demo-clock';
import type { ActivityRow, ContactRow, ConversationRow, DemoCatalog, MessageRow } from './demo-history.types';
import { fill, SHORT_FIRST_REPLIES, SHORT_FORWARD_REPLIES } from './loop-texts';
import type { LoopThread, NoticePlanner } from './notice.planner';
import { askLocation, firstReply, forwardReply, infoReply, outcomeMessage } from './officer-texts';
import { drawPerson, NEIGHBOURHOODS, pointNear } from './people-and-places';
import type { SeededRandom } from './seeded-random';

type Officer = DemoCatalog['officers'][number];
type Category = DemoCatalog['categories'][number];

const DM_CHANNELS = new Set(['whatsapp', 'facebook', 'instagram']);
const STILL_WORKING = 'Ekiplerimiz konu üzerinde çalışıyor, en kısa sürede bilgi vereceğiz.';

/**
 * One citizen conversation from first message to its end: the request (text, photo, location pin),
 * the officer's answer, the case it became and how it ended, thanks, and the conversation's kept
 * columns (first response, resolution, preview, counts) as the message and conversation writers keep them.
 */
/** When the last of a conversation's messages was sent. */
const latest = (drafts: readonly Draft[]) => Math.max(...drafts.map((d) => d.at));

export class ConversationGenerator {
  readonly contacts: ContactRow[] = [];
  readonly conversations: ConversationRow[] = [];
  readonly messages: MessageRow[] = [];
  /** The automatic messages' rows (written with their reply request). */
  readonly noticeMessages: NoticeMessageRow[] = [];
  readonly activities: ActivityRow[] = [];
  private readonly posts: PostPool;
  private readonly userIds = new Set<string>();
  private readonly categoryWeights: Record<string, number>;
  private readonly located: { category: Category; neighbourhood: string; lat: number; lon: number; at: number }[] = [];

  constructor(
    private readonly random: SeededRandom,
    private readonly catalog: DemoCatalog,
    private readonly now: number,
    private readonly planner: CasePlanner,
    private readonly photos: StoredPhoto[],
    /** The product's automatic messages on each case's thread. */
    private readonly loop: NoticePlanner,
  ) {
    this.posts = new PostPool(random);
    const shares: Record<string, number> = {
      'yol-cukur': 22,
      cop: 16,
      aydinlatma: 11,
      park: 10,
      zabita: 12,
      'su-arizasi': 10,
      ulasim: 8,
      dogalgaz: 3,
      elektrik: 6,
    };
    this.categoryWeights = Object.fromEntries(catalog.categories.map((c, i) => [String(i), shares[c.code] ?? 5]));
  }

  generate(route: Route, start: number, topic: ConversationTopic = {}): void {
    const { random } = this;
    let person = drawPerson(random);
    let contact = contactFor(random, route, person, start, randomUUID());
    // One citizen per account and channel id (a DM thread is keyed on it).
    while (this.userIds.has(`${route.account.id}|${contact.channel_user_id}`)) {
      person = drawPerson(random);
      contact = contactFor(random, route, person, start, randomUUID());
    }
    this.userIds.add(`${route.account.id}|${contact.channel_user_id}`);
    const conversationId = randomUUID();
    const postId = route.mode === 'comment' ? this.posts.postFor(route.account, start) : null;
    const mayor = route.desk === 'mayor';
    const isRequest = topic.category !== undefined || random.chance(mayor ? 0.55 : 0.74);
    const officer = this.officerFor(route);
    const drafts: Draft[] = [];
    const inbound = (at: number, text: string | null, attachments: MessageAttachment[] = []) =>
      drafts.push({ direction: 'in', at, text, attachments, id: randomUUID() });
    const outbound = (at: number, text: string, by: Officer = officer) =>
      drafts.push({ direction: 'out', at, text, attachments: [], officer: by, id: randomUUID() });
    const address = (text: string) =>
      route.mode === 'mention' ? `@${route.account.handle ?? 'OrnekBelediye'} ${text}` : text;
    const replyTo = (text: string) =>
      route.mode === 'mention' && contact.handle ? `@${contact.handle} ${text}` : text;

    let planned: PlannedCase | null = null;
    let resolvedAt: number | null = null;
    let pending = false;
    const thread: LoopThread = {
      conversationId,
      contactId: contact.id,
      channel: route.account.channel,
      dm: route.mode === 'dm',
      drafts,
      optedOutAt: null,
    };
    if (!isRequest) {
      const said = topic.text ?? address(random.pick(mayor ? MAYOR_NON_REQUESTS : NON_REQUESTS));
      inbound(start, typed(random, said));
      const reply = responseTime(random, start, mayor);
      if (reply < this.now) {
        outbound(reply, replyTo(infoReply(random, person.first, mayor, said)));
        const thanks = reply + random.int(3, 240) * 60_000;
        if (random.chance(0.3) && thanks < this.now) {
          inbound(thanks, typed(random, random.pick(THANKS)));
        }
        resolvedAt = latest(drafts) + random.int(1, 40) * 60_000;
      }
    } else {
      const category = topic.category ?? this.catalog.categories[Number(random.weighted(this.categoryWeights))];
      const duplicateOf = topic.neighbourhood ? undefined : this.nearbyEarlier(category, start);
      const neighbourhood = topic.neighbourhood ?? duplicateOf?.neighbourhood ?? random.pick(NEIGHBOURHOODS).name;
      const place = drawPlace(random, neighbourhood);
      const text =
        topic.text ?? address(requestText(random, category.code, category.name, place, mayor && route.mode === 'dm'));
      const whatsapp = route.account.channel === 'whatsapp';
      const photo = whatsapp && this.photos.some((p) => p.subject === category.code) && random.chance(0.4);
      if (photo) {
        inbound(start, null, [this.photoAttachment(category.code, text)]);
      } else {
        inbound(start, text);
      }
      let reply = responseTime(random, start, mayor);
      let location: { latitude: number; longitude: number; label: string } | null = null;
      const centre = NEIGHBOURHOODS.find((n) => n.name === neighbourhood)!;
      const point = duplicateOf
        ? pointNear(random, { lat: duplicateOf.lat, lon: duplicateOf.lon })
        : pointNear(random, centre);
      const pin = (at: number) => {
        location = { latitude: point.lat, longitude: point.lon, label: `${place.street}, ${neighbourhood} Mah.` };
        inbound(at, null, [
          {
            type: AttachmentType.Location,
            location: {
              latitude: point.lat,
              longitude: point.lon,
              name: `${neighbourhood} Mah.`,
              address: place.street,
            },
          },
        ]);
      };
      if (whatsapp && (duplicateOf || random.chance(0.35))) {
        const pinnedAt = start + random.int(1, 4) * 60_000;
        if (pinnedAt < this.now) {
          pin(pinnedAt);
        }
      } else if (whatsapp && reply < this.now && random.chance(0.4)) {
        // The officer asks where it is first; the citizen sends a pin.
        outbound(reply, askLocation(random));
        const answered = reply + random.int(2, 45) * 60_000;
        if (answered < this.now) {
          pin(answered);
          reply = answered + random.int(2, 25) * 60_000;
        }
      }
      if (reply < this.now) {
        const first = drafts[0];
        const opened = Math.max(first.at + 30_000, reply - random.int(1, 4) * 60_000);
        if (location) {
          this.located.push({ category, neighbourhood, lat: point.lat, lon: point.lon, at: start });
        }
        const mark = this.planner.history.length;
        planned = this.planner.plan({
          conversationId,
          messageId: first.id,
          contactId: contact.id,
          channel: route.account.channel,
          channelAccountId: route.account.id,
          category,
          createdAt: opened,
          officer,
          description: first.text ?? first.attachments[0]?.caption ?? null,
          location,
          photos: photo ? [casePhoto(first)] : [],
          neighbourhood,
        });
        const steps = this.planner.history.slice(mark);
        const { quoteNumber } = this.loop.opened(thread, planned, steps, category.name);
        const values = { ad: person.first, no: planned.row.case_number };
        const birim = planned.departmentName ?? 'ilgili birim';
        outbound(
          reply,
          replyTo(
            planned.mergedInto
              ? `Merhaba ${person.first}, aynı konuda ${planned.mergedInto.case_number} numaralı başvuru zaten işlemde; bildiriminizi o başvuruya ekledik, sonucu size de ileteceğiz.`
              : planned.bodyName
                ? quoteNumber
                  ? forwardReply(random, { ...values, kurum: planned.bodyName })
                  : fill(random.pick(SHORT_FORWARD_REPLIES), { ...values, kurum: planned.bodyName })
                : quoteNumber
                  ? firstReply(random, { ...values, birim })
                  : fill(random.pick(SHORT_FIRST_REPLIES), { ...values, birim }),
          ),
        );
        const closing = planned.outcome?.at ?? this.now;
        const nudge = reply + random.int(20, 60) * 3_600_000;
        if (
          !planned.mergedInto &&
          random.chance(0.25) &&
          nudge < closing &&
          !this.loop.statusQuery(thread, planned, steps, nudge)
        ) {
          inbound(nudge, typed(random, random.pick(FOLLOW_UPS)));
          const answer = responseTime(random, nudge, mayor);
          if (answer < closing) {
            outbound(answer, replyTo(STILL_WORKING));
          }
        }
        const toldAutomatically = this.loop.outcome(thread, planned, steps);
        if (planned.outcome && !toldAutomatically) {
          const o = planned.outcome;
          const name = contact.name ?? contact.handle ?? person.first;
          const notice = replyTo(
            outcomeMessage(name, planned.row.case_number, o.text, this.catalog.organizationName, o.rejected),
          );
          outbound(o.at, notice, o.officer);
          this.planner.notified(planned.row, o.officer, o.at, drafts[drafts.length - 1].id, notice);
          const thanks = o.at + random.int(5, 300) * 60_000;
          if (!o.rejected && random.chance(0.4) && thanks < this.now) {
            inbound(thanks, typed(random, random.pick(THANKS)));
          }
        }
        const reopened = this.loop.survey(thread, planned, steps);
        if (reopened) {
          pending = false;
        } else if (
          planned.outcome ||
          planned.mergedInto ||
          planned.row.status === 'resolved' ||
          planned.row.status === 'rejected'
        ) {
          resolvedAt = latest(drafts) + random.int(1, 30) * 60_000;
        } else {
          pending = random.chance(0.5);
        }
      }
    }
    this.loop.finish(thread);
    this.store(conversationId, route, contact, postId, drafts, officer, resolvedAt, pending);
  }

  /** An earlier located request of the same category this one repeats (a second neighbour reporting it). */
  private nearbyEarlier(category: Category, at: number) {
    const candidates = this.located.filter((l) => l.category.id === category.id && l.at > at - 10 * 86_400_000);
    return candidates.length > 0 && this.random.chance(0.3) ? this.random.pick(candidates) : undefined;
  }

  private officerFor(route: Route): Officer {
    const desk = this.catalog.officers.filter((o) => o.desk === route.desk || o.desk === 'both');
    return this.random.pick(desk.length > 0 ? desk : this.catalog.officers);
  }

  private photoAttachment(code: string, caption: string): MessageAttachment {
    const fitting = this.photos.filter((p) => p.subject === code);
    const photo = this.random.pick(fitting.length > 0 ? fitting : this.photos);
    const short = this.random.chance(0.5) ? this.random.pick(PHOTO_CAPTIONS[code] ?? ['Fotoğraf']) : caption;
    return {
      type: AttachmentType.Image,
      channelMediaId: `hist-media-${this.random.digits(15)}`,
      mimeType: 'image/jpeg',
      caption: short,
      mediaAssetId: photo.sha256,
      storageKey: photo.storageKey,
      size: photo.size,
      downloadState: 'stored',
    };
  }

  private store(
    conversationId: string,
    route: Route,
    contact: ContactRow,
    postId: string | null,
    drafts: Draft[],
    officer: Officer,
    resolvedAt: number | null,
    pending: boolean,
  ): void {
    const { random } = this;
    // A pin sent minutes after the text can land after a quick first reply: the thread and its kept
    // columns (first, last, first response) follow the clock, not the order the drafts were made in.
    drafts = [...drafts].sort((a, b) => a.at - b.at);
    const channel = route.account.channel;
    const dm = route.mode === 'dm';
    const rootId = route.mode === 'comment' ? postId : null;
    let citizenMessage: { id: string; externalId: string } | null = null;
    const externalIds = new Map<string, string>();
    const rows: MessageRow[] = drafts.map((d) => {
      const externalId = messageExternalId(random, route, postId);
      externalIds.set(d.id, externalId);
      const inbound = d.direction === 'in';
      // A notice that answers a message (thanks for a rating) goes under it, as ReplyService threads it.
      const answered = d.automatic?.inReplyTo
        ? { id: d.automatic.inReplyTo, externalId: externalIds.get(d.automatic.inReplyTo)! }
        : null;
      const parent = answered ?? (!dm && !inbound ? citizenMessage : null);
      const row: MessageRow = {
        id: d.id,
        channel,
        channel_account_id: route.account.id,
        conversation_id: conversationId,
        external_id: externalId,
        direction: d.direction,
        kind: dm ? 'dm' : inbound ? (route.mode === 'mention' ? 'mention' : 'comment') : 'reply',
        text: d.text,
        search_text: foldForSearch(
          [
            d.text ?? '',
            ...d.attachments.flatMap((a) => [a.caption ?? '', a.location?.name ?? '', a.location?.address ?? '']),
          ].join(' '),
        ),
        attachments: d.attachments,
        parent_message_id: parent?.id ?? null,
        parent_external_id: parent?.externalId ?? (route.mode === 'comment' && inbound ? postId : null),
        contact_id: contact.id,
        author_user_id: d.officer?.id ?? null,
        sent_at: iso(d.at),
        received_at: iso(d.at + (inbound ? random.int(300, 2500) : 0)),
        delivery_state: inbound ? null : dm ? (random.chance(0.8) ? 'read' : 'delivered') : 'sent',
        delivery_updated_at: inbound ? null : iso(d.at + random.int(1, 90) * 60_000),
      };
      if (inbound && !citizenMessage) {
        citizenMessage = { id: row.id, externalId };
      }
      return row;
    });
    // A mention tweet is its own thread's root.
    const root = route.mode === 'mention' ? rows[0].external_id : rootId;
    const threadKey = dm
      ? `dm:${contact.channel_user_id}`
      : route.mode === 'comment'
        ? `post:${postId}:from:${contact.channel_user_id}`
        : `tweet-conv:${rows[0].external_id}`;
    const inboundRows = rows.filter((r) => r.direction === 'in');
    const firstIn = inboundRows[0].sent_at;
    const lastIn = inboundRows[inboundRows.length - 1].sent_at;
    // An automatic message (no author) is not a response, and reads nothing.
    const firstOut =
      rows.find((r) => r.direction === 'out' && r.author_user_id !== null && r.sent_at > firstIn) ?? null;
    const last = rows[rows.length - 1];
    const lastOutIndex = rows.map((r) => r.direction === 'out' && r.author_user_id !== null).lastIndexOf(true);
    const resolved = resolvedAt !== null && resolvedAt < this.now;
    if (resolved) {
      this.activities.push({
        id: randomUUID(),
        conversation_id: conversationId,
        actor_user_id: officer.id,
        type: 'status',
        data: { from: pending ? 'pending' : 'open', to: 'resolved' },
        created_at: iso(resolvedAt),
      });
    } else if (pending && firstOut) {
      this.activities.push({
        id: randomUUID(),
        conversation_id: conversationId,
        actor_user_id: officer.id,
        type: 'status',
        data: { from: 'open', to: 'pending' },
        created_at: iso(Date.parse(firstOut.sent_at) + 60_000),
      });
    }
    const preview =
      last.text ??
      last.attachments.find((a) => a.caption)?.caption ??
      (last.attachments[0] ? `[${last.attachments[0].type}]` : null);
    this.contacts.push({ ...contact, last_seen_at: lastIn });
    this.conversations.push({
      id: conversationId,
      channel_account_id: route.account.id,
      channel,
      kind: dm ? 'direct' : 'public',
      thread_key: threadKey,
      root_external_id: root,
      contact_id: contact.id,
      status: resolved ? 'resolved' : pending ? 'pending' : 'open',
      assignee_id: firstOut ? officer.id : null,
      last_activity_at: last.sent_at,
      last_inbound_at: lastIn,
      reply_window_expires_at: dm && DM_CHANNELS.has(channel) ? iso(Date.parse(lastIn) + 86_400_000) : null,
      first_inbound_at: firstIn,
      first_response_at: firstOut?.sent_at ?? null,
      first_response_user_id: firstOut?.author_user_id ?? null,
      resolved_at: resolved ? iso(resolvedAt) : null,
      resolved_by_user_id: resolved ? officer.id : null,
      last_message_preview: preview && preview.length > 280 ? `${preview.slice(0, 279)}…` : preview,
      message_count: rows.length,
      // Officers read what they answered; what came after the last answer is unread.
      unread_count: resolved ? 0 : rows.slice(lastOutIndex + 1).filter((r) => r.direction === 'in').length,
      created_at: firstIn,
    });
    drafts.forEach((d, i) => {
      if (d.automatic) {
        this.noticeMessages.push({ ...rows[i], raw: { request: d.automatic.request } });
      } else {
        this.messages.push(rows[i]);
      }
    });
  }
}
