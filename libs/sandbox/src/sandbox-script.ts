import { whatsappMessagesWebhook } from '@civic/testing';
import { SANDBOX_IDS } from './sandbox-channels';

/** One realistic citizen message, as the channel would deliver it. */
export type SandboxScene =
  | { kind: 'meta-webhook'; body: unknown; media?: { id: string; mimeType: string; bytes: Buffer } }
  | { kind: 'tweet'; authorId: string; authorName: string; username: string; text: string };

/** The demo's citizens (their Messenger profiles and pictures are served by the fake Graph API too). */
export const SANDBOX_CITIZENS = [
  { name: 'Ayşe Yılmaz', phone: '905321112233' },
  { name: 'Mehmet Öztürk', phone: '905339876543' },
  { name: 'Fatma Çelik', phone: '905441234567' },
  { name: 'İbrahim Şahin', phone: '905057654321' },
  { name: 'Gülşen Doğan', phone: '905362223344' },
];

// A 1×1 JPEG, enough for the media pipeline and the web inbox to show a photo.
const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** Builds the n-th scene; ids are unique per run so every tick is a new message. */
export function sandboxScene(n: number, now = new Date()): SandboxScene {
  const seconds = Math.floor(now.getTime() / 1000);
  const citizen = SANDBOX_CITIZENS[n % SANDBOX_CITIZENS.length];
  const id = `${seconds}${n}`;
  const scenes: (() => SandboxScene)[] = [
    () =>
      whatsapp(citizen, id, seconds, {
        type: 'text',
        text: {
          body: `Merhaba, ${street(n)} üzerinde büyük bir çukur var, araçlar zarar görüyor. Yardımcı olur musunuz?`,
        },
      }),
    () => {
      const mediaId = `sandbox-media-${id}`;
      return {
        ...whatsapp(citizen, id, seconds, {
          type: 'image',
          image: { id: mediaId, mime_type: 'image/jpeg', caption: 'Kaldırımdaki çukurun fotoğrafı' },
        }),
        media: { id: mediaId, mimeType: 'image/jpeg', bytes: PHOTO },
      };
    },
    () =>
      whatsapp(citizen, id, seconds, {
        type: 'location',
        location: {
          latitude: 38.7205 + (n % 7) * 0.001,
          longitude: 35.4826,
          name: 'Melikgazi, Kayseri',
          address: street(n),
        },
      }),
    () => ({
      kind: 'meta-webhook',
      body: {
        object: 'page',
        entry: [
          {
            id: SANDBOX_IDS.facebookPage,
            time: seconds,
            changes: [
              {
                field: 'feed',
                value: {
                  from: { id: `fb-${citizen.phone}`, name: citizen.name },
                  post: { id: SANDBOX_IDS.pagePost, status_type: 'added_photos', is_published: true },
                  message: 'Parktaki oyun grubu kırık, çocuklar için tehlikeli. Ne zaman onarılacak?',
                  post_id: SANDBOX_IDS.pagePost,
                  comment_id: `200000000000001_${id}`,
                  created_time: seconds,
                  item: 'comment',
                  parent_id: SANDBOX_IDS.pagePost,
                  verb: 'add',
                },
              },
            ],
          },
        ],
      },
    }),
    () => ({
      kind: 'meta-webhook',
      body: {
        object: 'page',
        entry: [
          {
            id: SANDBOX_IDS.mayorPage,
            time: seconds * 1000,
            messaging: [
              {
                sender: { id: `psid-${citizen.phone}` },
                recipient: { id: SANDBOX_IDS.mayorPage },
                timestamp: seconds * 1000,
                message: {
                  mid: `m_sandbox_${id}`,
                  text: 'Sayın Başkanım, mahallemizde çöpler üç gündür toplanmıyor. Bilginize.',
                },
              },
            ],
          },
        ],
      },
    }),
    () => ({
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
                  from: {
                    id: `ig-${citizen.phone}`,
                    username: citizen.name.toLowerCase().replace(/[^a-zçğıöşü]/g, ''),
                  },
                  media: { id: SANDBOX_IDS.instagramMedia, media_product_type: 'FEED' },
                  id: `1790${id}`,
                  text: 'Sokak lambaları yanmıyor, akşamları çok karanlık 😟',
                },
              },
            ],
          },
        ],
      },
    }),
    () => ({
      kind: 'tweet',
      authorId: `44${citizen.phone}`,
      authorName: citizen.name,
      username:
        citizen.name
          .split(' ')[0]
          .toLowerCase()
          .replace(/[^a-z]/g, '') + n,
      text: '@OrnekBelediye otobüs durağındaki bank kırılmış, ilgilenir misiniz? #ulaşım',
    }),
  ];
  return scenes[n % scenes.length]();
}

function whatsapp(
  citizen: { name: string; phone: string },
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
      [{ waId: citizen.phone, name: citizen.name }],
      [{ from: citizen.phone, id: `wamid.SANDBOX${id}`, timestamp: String(seconds), ...message }],
    ),
  };
}

function street(n: number): string {
  return ['Atatürk Caddesi', 'Şehit Mustafa Sokağı', 'Gülbahar Mahallesi 12. Sokak', 'İstasyon Caddesi'][n % 4];
}
