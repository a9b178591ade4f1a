import { AttachmentType, UserRole } from '@civic/domain';
import { MediaStore } from '@civic/media';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { TINY_PNG } from '../support/tiny-png';

/** One organization with something behind every kind of id: accounts, a conversation with a stored photo, a case, a watchlist with a mention. */
export interface SeededOrganization {
  organizationId: string;
  adminToken: string;
  accounts: SeededAccounts;
  conversationId: string;
  messageId: string;
  contactId: string;
  caseId: string;
  watchlistId: string;
  mentionId: string;
  userId: string;
  /** Every id above, for substituting into any route. */
  ids: string[];
}

export async function seedOrganization(
  t: TestApp,
  organizationId: string,
  suffix: string,
): Promise<SeededOrganization> {
  const admin = await t.createUser([UserRole.Admin], organizationId);
  const adminToken = admin.token;
  const accounts = await createAccounts(t, organizationId, suffix);
  await ingestAll(t, [
    inbound(accounts.whatsapp, 'Sokağımızdaki çöp üç gündür toplanmadı, fotoğraf ekte.', {
      at: '2026-03-10T09:00:00Z',
      contactName: 'Ayşe Yılmaz',
    }),
  ]);
  const [message] = await t.dataSource.query(
    `SELECT m.id, m.conversation_id, m.contact_id FROM message m WHERE m.organization_id = $1 AND m.channel_account_id = $2`,
    [organizationId, accounts.whatsapp.id],
  );
  // Real image bytes: photos are served as decoded, metadata-free copies.
  const stored = await t.app.get(MediaStore).put(TINY_PNG, 'image/png');
  await t.dataSource.query(`UPDATE message SET attachments = $2::jsonb WHERE id = $1`, [
    message.id,
    JSON.stringify([
      { type: AttachmentType.Image, mimeType: 'image/png', storageKey: stored.storageKey, downloadState: 'stored' },
    ]),
  ]);
  const auth = { Authorization: `Bearer ${adminToken}` };
  const created = await t
    .http()
    .post('/api/v1/cases')
    .set(auth)
    .send({ conversationId: message.conversation_id, category: 'cop' });
  if (created.status !== 201) {
    throw new Error(`case seed failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  const watchlist = await t
    .http()
    .post('/api/v1/mentions/watchlists')
    .set(auth)
    .send({ name: `Belediye ${suffix}`, terms: ['belediye'], twitterSearch: false });
  if (watchlist.status !== 201) {
    throw new Error(`watchlist seed failed: ${watchlist.status} ${JSON.stringify(watchlist.body)}`);
  }
  const [mention] = await t.dataSource.query(
    `INSERT INTO mention (organization_id, watchlist_id, channel, external_id, source, author_external_id, text, search_text, published_at)
     VALUES ($1, $2, 'twitter', $3, 'twitter_search', 'u-1', 'Belediye çok hızlı', 'belediye cok hizli', '2026-03-10T10:00:00Z') RETURNING id`,
    [organizationId, watchlist.body.id, `mention-${suffix}`],
  );
  const seeded = {
    organizationId,
    adminToken,
    accounts,
    conversationId: message.conversation_id as string,
    messageId: message.id as string,
    contactId: message.contact_id as string,
    caseId: created.body.id as string,
    watchlistId: watchlist.body.id as string,
    mentionId: String(mention.id),
    userId: admin.user.id,
  };
  return {
    ...seeded,
    ids: [
      seeded.conversationId,
      seeded.messageId,
      seeded.contactId,
      seeded.caseId,
      seeded.watchlistId,
      seeded.mentionId,
      seeded.userId,
      ...Object.values(accounts).map((a) => a.id),
    ],
  };
}
