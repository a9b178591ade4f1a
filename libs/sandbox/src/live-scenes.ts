import { whatsappMessagesWebhook } from '@civic/testing';
import {
  drawPlace,
  requestText,
  typed,
  NON_REQUESTS,
  MAYOR_NON_REQUESTS,
  THANKS,
  PHOTO_CAPTIONS,
} from './demo-history/citizen-texts';
import { searchPostText } from './demo-history/mention-texts';
import type { DemoPerson } from './demo-history/people-and-places';
import { drawPerson, NEIGHBOURHOODS, pointNear } from './demo-history/people-and-places';
import { SeededRandom } from './demo-history/seeded-random';
import { SANDBOX_IDS } from './sandbox-channels';
import { PHOTO_SUBJECTS, sandboxPhoto } from './sandbox-photo';
import type { SandboxScene } from './sandbox-script';

/** A Messenger or Instagram profile the fake Graph API should answer for a new sender. */
export interface LiveProfile {
  userId: string;
  first: string;
  last: string;
  username?: string;
}

export type LiveScene = SandboxScene & { profile?: LiveProfile; label: string };

const CATEGORY_CODES: Record<string, number> = {
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
const CATEGORY_NAMES: Record<string, string> = {
  'yol-cukur': 'Yol / çukur',
  cop: 'Çöp',
  aydinlatma: 'Aydınlatma',
  park: 'Park',
  zabita: 'Zabıta',
  'su-arizasi': 'Su arızası',
  ulasim: 'Ulaşım',
  dogalgaz: 'Doğalgaz',
  elektrik: 'Elektrik',
};
const KINDS = {
  whatsappText: 16,
  whatsappPhoto: 12,
  whatsappPin: 7,
  pageComment: 11,
  mayorComment: 5,
  pageDm: 7,
  mayorDm: 9,
  instagramComment: 8,
  instagramDm: 5,
  tweet: 13,
  commentEdit: 3,
  dmDeletion: 2,
  dmReaction: 2,
};
const EDIT_SUFFIXES = [' (düzeltme: adres yanlış yazılmış)', ' Lütfen acil!', ' — hâlâ aynı durumda.', ' Teşekkürler.'];
const REACTIONS = ['👍', '🙏', '❤️', '👏'];
/** Distinct photos per subject: drawing one takes a moment, so each is drawn once and kept. */
const PHOTO_VARIANTS = 6;
const photoCache = new Map<string, Buffer>();
const GREETINGS = ['Merhaba,', 'İyi günler.', 'Selam,', 'Kolay gelsin,', '', '', ''];
const ENDINGS = ['🙏', '😊', 'Saygılarımla.', '', '', ''];

/** A scene's photo, drawn only when its bytes are first read (and then kept for later scenes). */
function lazyPhoto(id: string, subject: string, variant: number): { id: string; mimeType: string; bytes: Buffer } {
  return {
    id,
    mimeType: 'image/jpeg',
    get bytes(): Buffer {
      const key = `${subject}:${variant}`;
      let bytes = photoCache.get(key);
      if (!bytes) {
        photoCache.set(key, (bytes = sandboxPhoto(subject, variant)));
      }
      return bytes;
    },
  };
}

/** A fixed sentence said a little differently each time: a greeting, an ending, the way it is typed. */
function vary(r: SeededRandom, text: string): string {
  return typed(r, [r.pick(GREETINGS), text, r.pick(ENDINGS)].filter(Boolean).join(' '));
}

/**
 * The live sandbox's citizens, drawn from the demo history's vocabulary with a seeded generator: every
 * channel and account, texts, photos with a pin, comments under the pages' posts by new commenters,
 * DMs to the mayor, X mentions, and now and then an edited comment, a deleted DM or a reaction.
 */
export class LiveSceneMaker {
  private readonly random: SeededRandom;
  private n = 0;
  private readonly recentWhatsApp: { person: DemoPerson; code: string; neighbourhood: string }[] = [];
  private readonly recentComments: {
    pageId: string;
    postId: string;
    commentId: string;
    from: { id: string; name: string };
    text: string;
  }[] = [];
  private readonly recentDms: { pageId: string; psid: string; mid: string }[] = [];

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  next(now = new Date()): LiveScene {
    const kind = this.random.weighted(KINDS);
    const seconds = Math.floor(now.getTime() / 1000);
    const id = `${seconds}${++this.n}${this.random.digits(4)}`;
    return this.make(kind, id, seconds) ?? this.make('whatsappText', id, seconds)!;
  }

  private make(kind: keyof typeof KINDS, id: string, seconds: number): LiveScene | null {
    const r = this.random;
    const code = r.weighted(CATEGORY_CODES);
    const place = drawPlace(r, r.pick(NEIGHBOURHOODS).name);
    const person = drawPerson(r);
    const request = (toMayor = false) => requestText(r, code, CATEGORY_NAMES[code], place, toMayor);
    const remember = () => {
      this.recentWhatsApp.push({ person, code, neighbourhood: place.neighbourhood });
      this.recentWhatsApp.splice(0, this.recentWhatsApp.length - 10);
    };
    if (kind === 'whatsappText') {
      remember();
      return {
        label: 'WhatsApp text',
        ...whatsapp(person, id, seconds, {
          type: 'text',
          text: { body: r.chance(0.2) ? vary(r, r.pick(NON_REQUESTS)) : request() },
        }),
      };
    }
    if (kind === 'whatsappPhoto') {
      const subject = PHOTO_SUBJECTS.includes(code) ? code : r.pick(PHOTO_SUBJECTS);
      this.recentWhatsApp.push({ person, code: subject, neighbourhood: place.neighbourhood });
      this.recentWhatsApp.splice(0, this.recentWhatsApp.length - 10);
      const mediaId = `sandbox-media-${id}`;
      const caption = r.chance(0.5)
        ? r.pick(PHOTO_CAPTIONS[subject] ?? ['Fotoğraf'])
        : requestText(r, subject, CATEGORY_NAMES[subject], place, false);
      return {
        label: 'WhatsApp photo',
        ...whatsapp(person, id, seconds, { type: 'image', image: { id: mediaId, mime_type: 'image/jpeg', caption } }),
        media: lazyPhoto(mediaId, subject, r.int(0, PHOTO_VARIANTS - 1)),
      } as LiveScene;
    }
    if (kind === 'whatsappPin') {
      // Usually the same citizen who just wrote, sending where it is.
      const earlier = this.recentWhatsApp.length > 0 ? r.pick(this.recentWhatsApp) : null;
      const who = earlier?.person ?? person;
      const where = NEIGHBOURHOODS.find((n) => n.name === (earlier?.neighbourhood ?? place.neighbourhood))!;
      const point = pointNear(r, where);
      return {
        label: 'WhatsApp location',
        ...whatsapp(who, id, seconds, {
          type: 'location',
          location: { latitude: point.lat, longitude: point.lon, name: `${where.name} Mah.`, address: place.street },
        }),
      };
    }
    if (kind === 'pageComment' || kind === 'mayorComment') {
      const pageId = kind === 'pageComment' ? SANDBOX_IDS.facebookPage : SANDBOX_IDS.mayorPage;
      const postId = kind === 'pageComment' ? SANDBOX_IDS.pagePost : `${SANDBOX_IDS.mayorPage}_200000000000002`;
      const from = { id: `fb-${r.digits(15)}`, name: person.name };
      const text = r.chance(0.25)
        ? vary(r, r.pick(kind === 'mayorComment' ? MAYOR_NON_REQUESTS : THANKS))
        : request(kind === 'mayorComment');
      const commentId = `${postId.split('_')[1]}_${id}`;
      this.recentComments.push({ pageId, postId, commentId, from, text });
      this.recentComments.splice(0, this.recentComments.length - 10);
      return {
        label: 'Facebook comment',
        kind: 'meta-webhook',
        body: feedChange(pageId, seconds, { from, postId, commentId, text, verb: 'add' }),
      };
    }
    if (kind === 'pageDm' || kind === 'mayorDm') {
      const pageId = kind === 'pageDm' ? SANDBOX_IDS.facebookPage : SANDBOX_IDS.mayorPage;
      const psid = `psid-live-${r.digits(12)}`;
      const mid = `m_sandbox_${id}`;
      this.recentDms.push({ pageId, psid, mid });
      this.recentDms.splice(0, this.recentDms.length - 10);
      const text =
        kind === 'mayorDm' && r.chance(0.3) ? vary(r, r.pick(MAYOR_NON_REQUESTS)) : request(kind === 'mayorDm');
      return {
        label: kind === 'mayorDm' ? 'Messenger DM to the mayor' : 'Messenger DM',
        kind: 'meta-webhook',
        profile: { userId: psid, first: person.first, last: person.last },
        body: messaging('page', pageId, seconds, [
          { sender: { id: psid }, recipient: { id: pageId }, timestamp: seconds * 1000, message: { mid, text } },
        ]),
      };
    }
    if (kind === 'instagramComment') {
      return {
        label: 'Instagram comment',
        kind: 'meta-webhook',
        body: {
          object: 'instagram',
          entry: [
            {
              id: SANDBOX_IDS.instagram,
              time: seconds,
              changes: [
                {
                  field: 'comments',
                  value: {
                    from: { id: `ig-${r.digits(15)}`, username: person.handle },
                    media: { id: SANDBOX_IDS.instagramMedia, media_product_type: 'FEED' },
                    id: `1790${id}`,
                    text: r.chance(0.2) ? vary(r, r.pick(THANKS)) : request(),
                  },
                },
              ],
            },
          ],
        },
      };
    }
    if (kind === 'instagramDm') {
      const igsid = `igsid-live-${r.digits(12)}`;
      return {
        label: 'Instagram DM',
        kind: 'meta-webhook',
        profile: { userId: igsid, first: person.first, last: person.last, username: person.handle },
        body: messaging('instagram', SANDBOX_IDS.instagram, seconds, [
          {
            sender: { id: igsid },
            recipient: { id: SANDBOX_IDS.instagram },
            timestamp: seconds * 1000,
            message: { mid: `aWdf_sandbox_${id}`, text: request() },
          },
        ]),
      };
    }
    if (kind === 'tweet') {
      const text = r.chance(0.25)
        ? searchPostText(r, r.pick(['municipality', 'water'] as const))
        : `@OrnekBelediye ${request()}`;
      return {
        label: 'X mention',
        kind: 'tweet',
        authorId: `44${r.digits(10)}`,
        authorName: person.name,
        username: person.handle.slice(0, 15),
        text: text.includes('@OrnekBelediye') ? text : `@OrnekBelediye ${text}`,
      };
    }
    if (kind === 'commentEdit') {
      const c = this.recentComments.pop();
      return c
        ? {
            label: 'Facebook comment edited',
            kind: 'meta-webhook',
            body: feedChange(c.pageId, seconds, {
              from: c.from,
              postId: c.postId,
              commentId: c.commentId,
              text: `${c.text}${r.pick(EDIT_SUFFIXES)}`,
              verb: 'edited',
            }),
          }
        : null;
    }
    const dm = this.recentDms.pop();
    if (!dm) {
      return null;
    }
    if (kind === 'dmDeletion') {
      return {
        label: 'Messenger DM deleted',
        kind: 'meta-webhook',
        body: messaging('page', dm.pageId, seconds, [
          {
            sender: { id: dm.psid },
            recipient: { id: dm.pageId },
            timestamp: seconds * 1000,
            message: { mid: dm.mid, is_deleted: true },
          },
        ]),
      };
    }
    return {
      label: 'Messenger reaction',
      kind: 'meta-webhook',
      body: messaging('page', dm.pageId, seconds, [
        {
          sender: { id: dm.psid },
          recipient: { id: dm.pageId },
          timestamp: seconds * 1000,
          reaction: { mid: dm.mid, action: 'react', reaction: 'like', emoji: r.pick(REACTIONS) },
        },
      ]),
    };
  }
}

export function whatsapp(
  person: Pick<DemoPerson, 'phone' | 'name'>,
  id: string,
  seconds: number,
  message: Record<string, unknown>,
): SandboxScene {
  return {
    kind: 'meta-webhook',
    body: whatsappMessagesWebhook(
      {
        phoneNumberId: SANDBOX_IDS.whatsappPhone,
        businessAccountId: SANDBOX_IDS.whatsappBusiness,
        displayPhoneNumber: '903522220000',
      },
      [{ waId: person.phone, name: person.name }],
      [{ from: person.phone, id: `wamid.SANDBOX${id}`, timestamp: String(seconds), ...message }],
    ),
  };
}

export function messaging(
  object: 'page' | 'instagram',
  accountId: string,
  seconds: number,
  events: Record<string, unknown>[],
) {
  return { object, entry: [{ id: accountId, time: seconds * 1000, messaging: events }] };
}

function feedChange(
  pageId: string,
  seconds: number,
  c: { from: { id: string; name: string }; postId: string; commentId: string; text: string; verb: 'add' | 'edited' },
) {
  return {
    object: 'page',
    entry: [
      {
        id: pageId,
        time: seconds,
        changes: [
          {
            field: 'feed',
            value: {
              from: c.from,
              post: { id: c.postId, status_type: 'added_photos', is_published: true },
              message: c.text,
              post_id: c.postId,
              comment_id: c.commentId,
              created_time: seconds,
              item: 'comment',
              parent_id: c.postId,
              verb: c.verb,
            },
          },
        ],
      },
    ],
  };
}
