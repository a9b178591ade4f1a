import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

type Params = Record<string, string>;

export interface AccountAResource {
  conversationId: string;
  messageId: string;
  contactId: string;
  caseId: string;
}

export interface RouteFixtures {
  organizationId: string;
  accountA: string;
  dataSource: DataSource;
  /** POST as the organization's administrator; returns the body. */
  admin(path: string, body: object): Promise<any>;
  /** A fresh conversation, message (with a stored photo), contact and case on account A. */
  onAccountA(): Promise<AccountAResource>;
  /** The department of the directorate caller who reaches the fixtures (its cases are "account A" for it). */
  directorateDepartmentId?: string;
  /** Set once before the checks: account A's resources the list routes must show or hide. */
  base?: AccountAResource & { mentionId: string; marker: string };
}

interface Request {
  /** Path parameters (and ids the body uses), built fresh for every request so a change by one caller cannot hide another's answer. */
  params?: (f: RouteFixtures) => Promise<Params>;
  body?: (p: Params, f: RouteFixtures) => object;
  /** Why an allowed caller may get 404 here (a state the fixtures cannot reach without a worker). */
  absentOk?: string;
  /** Why a role the route admits may still get 403 here (e.g. shared canned responses are the administrators'). */
  forbiddenOk?: string;
  query?: (p: Params) => string;
}

/**
 * - public: no sign-in (health, webhooks that verify signatures, login, the web app's files).
 * - stream: server-sent events; only the sign-in is checked here (test/inbox/live-events covers grants).
 * - own-user: acts on the caller's own user (profile, two-factor, sessions, API tokens).
 * - organization: organization-wide; with params, another organization's caller gets 404.
 * - account: a resource on account A (params builds it); an officer granted only B and another organization get 404.
 * - account-list: a list or figures; account A's marker shows for those who may see A and for no one else.
 */
export type RouteClass =
  | { kind: 'public'; why: string }
  | { kind: 'stream'; why: string }
  | ({ kind: 'own-user' } & Request)
  | ({ kind: 'organization' } & Request)
  | ({ kind: 'account' } & Request & { params: (f: RouteFixtures) => Promise<Params> })
  | ({ kind: 'account-list' } & Request & { marker: (f: RouteFixtures) => string });

const publicRoute = (why: string): RouteClass => ({ kind: 'public', why });
const ownUser = (request: Request = {}): RouteClass => ({ kind: 'own-user', ...request });
const organization = (request: Request = {}): RouteClass => ({ kind: 'organization', ...request });
const account = (params: (f: RouteFixtures) => Promise<Params>, request: Omit<Request, 'params'> = {}): RouteClass => ({
  kind: 'account',
  params,
  ...request,
});
const accountList = (marker: (f: RouteFixtures) => string, request: Request = {}): RouteClass => ({
  kind: 'account-list',
  marker,
  ...request,
});

const unique = () => randomBytes(4).toString('hex');
const holidayBody = () => ({
  date: '2026-12-31',
  nameTr: 'Yıl sonu',
  nameEn: 'Year end',
  kind: 'national',
  halfDay: true,
});
const holiday = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/office-hours/holidays', holidayBody())).id,
});
const conversation = async (f: RouteFixtures) => ({ id: (await f.onAccountA()).conversationId });
const open311Client = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/open311/clients', { name: `Kent uygulaması ${unique()}` })).id,
});
const automationRuleBody = () => ({
  name: `Kural ${unique()}`,
  event: 'message_received',
  match: 'all',
  conditions: [{ type: 'keywords', values: ['çukur*'] }],
  actions: [{ kind: 'add_tags', tags: ['yol'] }],
  stopHere: false,
});
const automationRule = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/automation-rules', automationRuleBody())).id,
});
const team = async (f: RouteFixtures) => ({ id: (await f.admin('/api/v1/teams', { name: `Ekip ${unique()}` })).id });
const caseOnA = async (f: RouteFixtures) => ({ id: (await f.onAccountA()).caseId });
const contactOnA = async (f: RouteFixtures) => ({ id: (await f.onAccountA()).contactId });
const department = async (f: RouteFixtures, kind = 'department') =>
  (await f.admin('/api/v1/departments', { name: `Birim ${unique()}`, kind, email: 'birim@belediye.example' }))
    .id as string;
const cannedResponse = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/canned-responses', { title: `Hazır ${unique()}`, body: 'Merhaba {{ad}}', shared: true }))
    .id,
});
const macro = async (f: RouteFixtures) => ({
  id: (
    await f.admin('/api/v1/macros', {
      name: `Makro ${unique()}`,
      actions: [{ kind: 'add_tags', tags: ['makro'] }],
      shared: true,
    })
  ).id,
});
const watchlist = async (f: RouteFixtures) => ({
  id: (
    await f.admin('/api/v1/mentions/watchlists', { name: `Liste ${unique()}`, terms: ['park'], twitterSearch: false })
  ).id,
});
const user = async (f: RouteFixtures) => ({
  id: (
    await f.admin('/api/v1/users', {
      email: `matris-${unique()}@test.belediye.tr`,
      displayName: 'Matris Kişi',
      password: 'Matris-Parola-123',
      roles: ['officer'],
    })
  ).id,
});
const category = async (f: RouteFixtures) => ({
  id: (
    await f.dataSource.query(`SELECT id FROM case_category WHERE organization_id = $1 AND code = 'cop'`, [
      f.organizationId,
    ])
  )[0].id,
});
const rule = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/routing-rules', { keywords: [`kelime${unique()}`], categoryId: (await category(f)).id }))
    .id,
});
/** A case on account A handed to the directorate caller's department (another department's directorate gets 404). */
const directorateCase = async (f: RouteFixtures) => {
  const { caseId, conversationId } = await f.onAccountA();
  await f.admin(`/api/v1/cases/${caseId}/assign`, { departmentId: f.directorateDepartmentId });
  return { id: caseId, conversationId };
};
const exportOfA = async (f: RouteFixtures) => ({
  id: (await f.admin('/api/v1/exports', { from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', formats: ['csv'] }))
    .id,
});

/** A reply draft on account A (written directly: holding one needs an approval account and an officer), by the administrator. */
const replyDraftOnA = async (f: RouteFixtures, state = 'pending', text = 'Onay bekleyen yanıt') => {
  const { conversationId } = await f.onAccountA();
  const [admin] = await f.dataSource.query(
    `SELECT id FROM app_user WHERE organization_id = $1 AND 'admin' = ANY(roles) ORDER BY created_at LIMIT 1`,
    [f.organizationId],
  );
  const [draft] = await f.dataSource.query(
    `INSERT INTO reply_draft (organization_id, conversation_id, channel_account_id, author_user_id, text, state)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [f.organizationId, conversationId, f.accountA, admin.id, text, state],
  );
  return { id: draft.id as string };
};

/** Every route of the application, by "METHOD path" as the Express router lists it. */
export const ROUTE_CLASSES: Record<string, RouteClass> = {
  // The web app and the API documentation: static files for anyone.
  'GET /docs/swagger-ui-init.js': publicRoute('API documentation'),
  'GET /docs/docs/swagger-ui-init.js': publicRoute('API documentation'),
  'GET /docs': publicRoute('API documentation'),
  'GET /docs/index.html': publicRoute('API documentation'),
  'GET /docs/LICENSE': publicRoute('API documentation'),
  'GET /docs/': publicRoute('API documentation'),
  'GET /docs-json': publicRoute('API documentation'),
  'GET /docs-yaml': publicRoute('API documentation'),
  'ALL /{*path}': publicRoute('unknown paths answer 404'),
  'GET /.*/': publicRoute('the web app'),
  'GET /health': publicRoute('load balancer probe'),
  'GET /health/ready': publicRoute('load balancer probe'),
  'GET /metrics': publicRoute('Prometheus; METRICS_TOKEN when set'),
  'GET /webhooks/meta': publicRoute('Meta subscription handshake (verify token)'),
  'GET /webhooks/twitter': publicRoute('X CRC check (signed)'),
  'POST /webhooks/cases/:bodyId': publicRoute('external bodies, signed with their secret'),
  'GET /public/v1/:organizationSlug/transparency': publicRoute('published figures'),
  'GET /open311/v2/:organizationSlug/services.json': publicRoute('Open311, published data only'),
  'GET /open311/v2/:organizationSlug/requests.json': publicRoute('Open311, published data only'),
  'GET /open311/v2/:organizationSlug/requests/:id.json': publicRoute('Open311, published data only'),
  'POST /open311/v2/:organizationSlug/requests.json': publicRoute('Open311, authenticated by a client key in the body'),
  'GET /api/v1/public/requests/:publicId': publicRoute('a request page: published data only, no personal data'),
  'GET /api/v1/audit/public-key': publicRoute('verifies signed exports'),
  'GET /api/v1/media/:token': publicRoute('signed media link: the HMAC names one file and expires (test/media)'),
  'POST /api/v1/auth/login': publicRoute('sign-in'),
  'POST /api/v1/auth/refresh': publicRoute('sign-in'),
  'POST /api/v1/auth/logout': publicRoute('sign-out by refresh token'),
  'POST /api/v1/auth/login/two-factor': publicRoute('second step of sign-in'),
  'GET /api/v1/auth/sso': publicRoute('single sign-on discovery'),
  'GET /api/v1/auth/sso/:organizationSlug/start': publicRoute('single sign-on redirect'),
  'GET /api/v1/auth/sso/:organizationSlug/callback': publicRoute('single sign-on callback'),
  'POST /api/v1/auth/sso/exchange': publicRoute('single sign-on code exchange'),
  'POST /api/v1/auth/login/passkey/options': publicRoute('passkey sign-in challenge'),
  'POST /api/v1/auth/login/passkey': publicRoute('passkey sign-in'),

  'GET /api/v1/events': { kind: 'stream', why: 'server-sent events stay open' },

  // The caller's own user.
  'GET /api/v1/auth/me': ownUser(),
  'PATCH /api/v1/users/me': ownUser({ body: () => ({ displayName: 'Matris Kullanıcı' }) }),
  'GET /api/v1/users/me/availability': ownUser(),
  'PUT /api/v1/users/me/availability': ownUser({ body: () => ({ away: false }) }),
  'GET /api/v1/auth/two-factor': ownUser(),
  'POST /api/v1/auth/two-factor/totp/setup': ownUser(),
  'POST /api/v1/auth/two-factor/totp/confirm': ownUser({ body: () => ({ code: '000000' }) }),
  'POST /api/v1/auth/two-factor/totp/disable': ownUser({ body: () => ({ code: '000000' }) }),
  'POST /api/v1/auth/two-factor/recovery-codes': ownUser({ body: () => ({ code: '000000' }) }),
  'GET /api/v1/auth/sessions': ownUser(),
  'DELETE /api/v1/auth/sessions/:id': ownUser(),
  'GET /api/v1/api-tokens': ownUser(),
  'POST /api/v1/api-tokens': ownUser({ body: () => ({ name: `matris ${unique()}` }) }),
  'DELETE /api/v1/api-tokens/:id': ownUser(),
  'GET /api/v1/auth/passkeys': ownUser(),
  'POST /api/v1/auth/passkeys/registration-options': ownUser(),
  'POST /api/v1/auth/passkeys': ownUser(),
  'POST /api/v1/auth/passkeys/:id/remove': ownUser(),

  // Organization-wide settings and lists.
  'GET /api/v1/auth/two-factor/policy': organization(),
  'PUT /api/v1/auth/two-factor/policy': organization(),
  'GET /api/v1/sso-settings': organization(),
  'PUT /api/v1/sso-settings': organization(),
  'GET /api/v1/audit/events': organization(),
  'GET /api/v1/audit/actors': organization(),
  'GET /api/v1/audit/verify': organization(),
  'POST /api/v1/exports': organization(),
  'GET /api/v1/exports/:id': organization({ params: exportOfA }),
  'GET /api/v1/exports/:id/download': organization({
    params: exportOfA,
    absentOk: 'the export is built by the worker; not ready answers 404',
  }),
  'POST /api/v1/conversations/bulk': organization({ body: () => ({ ids: [], action: 'close' }) }),
  'GET /api/v1/canned-responses': organization(),
  'GET /api/v1/canned-responses/:id': organization({ params: cannedResponse }),
  // Rendered for a conversation: its citizen's name fills the template.
  'GET /api/v1/canned-responses/:id/render': account(
    async (f) => ({ ...(await cannedResponse(f)), conversationId: (await f.onAccountA()).conversationId }),
    { query: (p) => `conversationId=${p.conversationId}` },
  ),
  'POST /api/v1/canned-responses': organization(),
  'PATCH /api/v1/canned-responses/:id': organization({
    params: cannedResponse,
    body: () => ({ title: 'Yeni başlık' }),
    forbiddenOk: 'a shared template: officers may read it, only administrators change it',
  }),
  'DELETE /api/v1/canned-responses/:id': organization({
    params: cannedResponse,
    forbiddenOk: 'a shared template: officers may read it, only administrators delete it',
  }),
  'GET /api/v1/macros': organization(),
  'POST /api/v1/macros': organization({
    body: () => ({ name: `Makro ${unique()}`, actions: [{ kind: 'close_conversation' }] }),
  }),
  'PATCH /api/v1/macros/:id': organization({
    params: macro,
    body: () => ({ name: 'Yeni ad' }),
    forbiddenOk: 'a shared macro: officers may run it, only administrators change it',
  }),
  'DELETE /api/v1/macros/:id': organization({
    params: macro,
    forbiddenOk: 'a shared macro: officers may run it, only administrators delete it',
  }),
  // Runs a shared macro (it tags the conversation) on account A's conversation.
  'POST /api/v1/conversations/:id/macros/:macroId/run': account(async (f) => ({
    ...(await conversation(f)),
    macroId: (await macro(f)).id,
  })),
  'GET /api/v1/users': organization(),
  'GET /api/v1/users/:id': organization({ params: user }),
  'POST /api/v1/users': organization(),
  'PATCH /api/v1/users/:id': organization({ params: user, body: () => ({ displayName: 'Yeni Ad' }) }),
  'POST /api/v1/users/:id/sessions/end': organization({ params: user }),
  'DELETE /api/v1/users/:id': organization({ params: user }),
  'POST /api/v1/channel-accounts': organization(),
  'GET /api/v1/departments': organization(),
  'GET /api/v1/departments/:id': organization({ params: async (f) => ({ id: await department(f) }) }),
  'POST /api/v1/departments': organization(),
  'PATCH /api/v1/departments/:id': organization({
    params: async (f) => ({ id: await department(f) }),
    body: () => ({ name: `Birim ${unique()}` }),
  }),
  'DELETE /api/v1/departments/:id': organization({ params: async (f) => ({ id: await department(f) }) }),
  'GET /api/v1/departments/presets': organization(),
  'POST /api/v1/departments/presets': organization({ body: () => ({ province: 'erzurum' }) }),
  'GET /api/v1/case-categories': organization(),
  'POST /api/v1/case-categories': organization(),
  'PATCH /api/v1/case-categories/:id': organization({ params: category, body: () => ({ slaHours: 72 }) }),
  'GET /api/v1/routing-rules': organization(),
  'POST /api/v1/routing-rules': organization(),
  'PATCH /api/v1/routing-rules/:id': organization({ params: rule, body: () => ({ weight: 2 }) }),
  'DELETE /api/v1/routing-rules/:id': organization({ params: rule }),
  'POST /api/v1/routing-rules/try': organization({ body: () => ({ text: 'Yolda derin bir çukur var' }) }),
  'GET /api/v1/case-settings/public': organization(),
  'GET /api/v1/readings/settings': organization(),
  'PUT /api/v1/readings/settings': organization({ body: () => ({ suggestionThreshold: 0.85 }) }),
  'POST /api/v1/readings/category-model/train': organization(),
  'GET /api/v1/office-hours': organization(),
  'PUT /api/v1/office-hours': organization({ body: () => ({ timeZone: 'Europe/Istanbul' }) }),
  'GET /api/v1/office-hours/holidays': organization({ query: () => '?year=2026' }),
  'POST /api/v1/office-hours/holidays': organization({ body: holidayBody }),
  'PATCH /api/v1/office-hours/holidays/:id': organization({ params: holiday, body: () => ({ nameTr: 'Yerel gün' }) }),
  'DELETE /api/v1/office-hours/holidays/:id': organization({ params: holiday }),
  'GET /api/v1/automation-rules': organization(),
  'POST /api/v1/automation-rules': organization({ body: automationRuleBody }),
  // The whole order, every rule of the caller's organization once (an empty one is refused once there are rules).
  'PUT /api/v1/automation-rules/order': organization({ body: () => ({ ids: [] }) }),
  'POST /api/v1/automation-rules/try': organization({ body: automationRuleBody }),
  'GET /api/v1/automation-rules/:id': organization({ params: automationRule }),
  'PATCH /api/v1/automation-rules/:id': organization({ params: automationRule, body: () => ({ enabled: false }) }),
  'DELETE /api/v1/automation-rules/:id': organization({ params: automationRule }),
  'POST /api/v1/automation-rules/:id/try': organization({ params: automationRule, body: () => ({ limit: 10 }) }),
  // The active neighbourhoods with case counts (the caller's cases only) and the uploaded versions.
  'GET /api/v1/neighbourhoods': organization(),
  'GET /api/v1/neighbourhoods/official-places': organization({ query: () => '?cityCode=38' }),
  // A new version with the district's official names (the organization's own; nothing leaves it).
  'PUT /api/v1/neighbourhoods/official-district': organization({
    body: () => ({ cityCode: '38', district: 'Melikgazi' }),
  }),
  'DELETE /api/v1/neighbourhoods/official-district': organization(),
  'POST /api/v1/neighbourhoods/boundaries': organization({
    body: () => ({
      nameProperty: 'ad',
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { ad: `Mahalle ${unique()}` },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [29, 41],
                  [29.01, 41],
                  [29.01, 41.01],
                  [29, 41],
                ],
              ],
            },
          },
        ],
      },
    }),
  }),
  'GET /api/v1/teams': organization(),
  'GET /api/v1/teams/:id': organization({ params: team }),
  'POST /api/v1/teams': organization({ body: () => ({ name: `Ekip ${unique()}` }) }),
  'PATCH /api/v1/teams/:id': organization({ params: team, body: () => ({ maxOpenPerMember: 5 }) }),
  'DELETE /api/v1/teams/:id': organization({ params: team }),
  'PUT /api/v1/case-settings/public': organization(),
  'GET /api/v1/open311/public-info': organization(),
  'GET /api/v1/open311/clients': organization(),
  'POST /api/v1/open311/clients': organization({ body: () => ({ name: `Kent uygulaması ${unique()}` }) }),
  'DELETE /api/v1/open311/clients/:id': organization({ params: open311Client }),
  'GET /api/v1/case-settings/intake': organization(),
  'PUT /api/v1/case-settings/intake': organization({ body: () => ({ cimerAnswerWorkingDays: 15 }) }),
  // A case recorded by hand has no channel account: the whole organization's, like its settings.
  'POST /api/v1/cases/manual': organization({
    body: () => ({ source: 'phone', category: 'cop', description: 'Telefonla bildirildi: sokakta çöp birikmiş' }),
  }),
  'POST /api/v1/cases/manual/suggest': organization({
    body: () => ({ text: 'Telefonla bildirildi: sokakta çöp birikmiş' }),
  }),
  'GET /api/v1/citizen-messages/settings': organization(),
  'PUT /api/v1/citizen-messages/settings': organization({ body: () => ({ privacyNoticeOnFirstContact: false }) }),
  'POST /api/v1/citizen-messages/preview': organization({ body: () => ({ kind: 'case_opened', language: 'tr' }) }),
  'GET /api/v1/mentions/watchlists': organization(),
  'GET /api/v1/mentions/watchlists/:id': organization({ params: watchlist }),
  'POST /api/v1/mentions/watchlists': organization(),
  'PATCH /api/v1/mentions/watchlists/:id': organization({
    params: watchlist,
    body: () => ({ name: `Liste ${unique()}` }),
  }),
  'DELETE /api/v1/mentions/watchlists/:id': organization({ params: watchlist }),
  'GET /api/v1/mentions/settings': organization(),
  'PUT /api/v1/mentions/settings': organization(),
  // Figures without a per-account breakdown (counts per bucket; the stored daily digest).
  'GET /api/v1/mentions/volume': organization(),
  'GET /api/v1/mentions/digest': organization(),
  'GET /api/v1/retention': organization(),
  'PUT /api/v1/retention': organization(),
  'GET /api/v1/legal-holds': organization(),

  // Lists and figures narrowed to the caller's accounts.
  'GET /api/v1/conversations': accountList((f) => f.base!.conversationId),
  'GET /api/v1/cases': accountList((f) => f.base!.caseId, {
    params: async (f) => ({ conversationId: f.base!.conversationId }),
    query: (p) => `conversationId=${p.conversationId}`,
  }),
  // The case map: account A's pinned case (38.7, 35.5) shows only to those who may see account A.
  'GET /api/v1/cases/map': accountList((f) => f.base!.caseId, { query: () => 'bbox=35.3,38.5,35.7,38.9&zoom=14' }),
  'GET /api/v1/cases/map/neighbourhoods': organization(),
  'GET /api/v1/cases/map/tiles': organization(),
  'GET /api/v1/cases/stats': accountList((f) => f.accountA),
  'GET /api/v1/cases/stats.csv': accountList(() => 'Çözüm Masası'),
  'GET /api/v1/inbox/stats': accountList((f) => f.accountA),
  'GET /api/v1/channel-accounts': accountList((f) => f.accountA),
  'GET /api/v1/mentions': accountList((f) => f.base!.mentionId),
  'GET /api/v1/mentions/export.csv': accountList((f) => f.base!.marker),
  'GET /api/v1/mentions/top-terms': accountList((f) => f.base!.marker),
  'GET /api/v1/mentions/top-authors': accountList((f) => f.base!.marker),
  'GET /api/v1/overview': accountList((f) => f.base!.marker),
  // The mayor's briefing: admin and mayor's office (both see every account); scoped to the caller's accounts all the same.
  'GET /api/v1/briefing': organization(),
  'GET /api/v1/briefing.pdf': organization(),

  // One resource on account A.
  'GET /api/v1/channel-accounts/:id': account(async (f) => ({ id: f.accountA })),
  'PATCH /api/v1/channel-accounts/:id': account(async (f) => ({ id: f.accountA }), {
    body: () => ({ name: 'Çözüm Masası' }),
  }),
  'DELETE /api/v1/channel-accounts/:id': account(async (f) => ({
    id: (
      await f.admin('/api/v1/channel-accounts', {
        channel: 'whatsapp',
        externalId: `wa-${unique()}`,
        name: 'Geçici',
        credentials: { accessToken: 'x' },
      })
    ).id,
  })),
  'GET /api/v1/conversations/:id': account(conversation),
  'GET /api/v1/conversations/:id/messages': account(conversation),
  'PATCH /api/v1/conversations/:id': account(conversation, { body: () => ({ status: 'closed' }) }),
  'POST /api/v1/conversations/:id/tags': account(conversation, { body: () => ({ tag: 'matris' }) }),
  'DELETE /api/v1/conversations/:id/tags/:tag': account(async (f) => ({ ...(await conversation(f)), tag: 'matris' })),
  'POST /api/v1/conversations/:id/notes': account(conversation, { body: () => ({ text: 'İç not' }) }),
  'POST /api/v1/conversations/:id/read': account(conversation),
  'POST /api/v1/conversations/:id/replies': account(conversation, {
    body: () => ({ text: 'Merhaba, ilgileniyoruz.' }),
  }),
  'POST /api/v1/conversations/:id/presence': account(conversation, { body: () => ({ state: 'viewing' }) }),
  'GET /api/v1/conversations/:id/reply-attachments/limits': account(conversation),
  'GET /api/v1/reply-drafts': accountList((f) => f.base!.marker, {
    params: async (f) => {
      await replyDraftOnA(f, 'pending', `Onay bekleyen ${f.base!.marker}`);
      return {};
    },
  }),
  'GET /api/v1/reply-drafts/:id': account((f) => replyDraftOnA(f)),
  'POST /api/v1/reply-drafts/:id/approve': account((f) => replyDraftOnA(f), { body: () => ({}) }),
  'POST /api/v1/reply-drafts/:id/return': account((f) => replyDraftOnA(f), {
    body: () => ({ comment: 'Lütfen daha kısa yazın.' }),
  }),
  'POST /api/v1/reply-drafts/:id/resubmit': account((f) => replyDraftOnA(f, 'returned'), {
    body: () => ({ text: 'Düzeltilmiş yanıt' }),
    forbiddenOk: 'only the author (here the administrator) resubmits a returned draft',
  }),
  // Without a multipart file an allowed caller gets 400; the route's grants are what is checked here.
  'POST /api/v1/conversations/:id/reply-attachments': account(conversation),
  'POST /api/v1/conversations/:id/legal-hold': account(conversation, { body: () => ({ reason: 'Dava dosyası' }) }),
  'DELETE /api/v1/conversations/:id/legal-hold': account(async (f) => {
    const { id } = await conversation(f);
    await f.admin(`/api/v1/conversations/${id}/legal-hold`, { reason: 'Dava dosyası' });
    return { id };
  }),
  'GET /api/v1/messages/:id/attachments/:index': account(async (f) => ({
    id: (await f.onAccountA()).messageId,
    index: '0',
  })),
  'GET /api/v1/messages/:id/attachments/:index/link': account(async (f) => ({
    id: (await f.onAccountA()).messageId,
    index: '0',
  })),
  'GET /api/v1/contacts/:id': account(contactOnA),
  'GET /api/v1/contacts/:id/history': account(contactOnA),
  'GET /api/v1/contacts/:id/avatar': account(async (f) => {
    // The fixture message's stored photo stands in for a profile picture the worker fetched.
    const { contactId, messageId } = await f.onAccountA();
    await f.dataSource.query(
      `UPDATE contact SET avatar_storage_key = (SELECT attachments->0->>'storageKey' FROM message WHERE id = $2),
              avatar_mime_type = 'image/jpeg' WHERE id = $1`,
      [contactId, messageId],
    );
    return { id: contactId };
  }),
  'POST /api/v1/contacts/:id/link': account(
    async (f) => ({ ...(await contactOnA(f)), other: (await f.onAccountA()).contactId }),
    { body: (p) => ({ otherContactId: p.other }) },
  ),
  'POST /api/v1/contacts/:id/erasure': account(contactOnA),
  'POST /api/v1/contacts/:id/data-export': account(contactOnA),
  'GET /api/v1/contacts/:id/tags': account(contactOnA),
  'PUT /api/v1/contacts/:id/tags': account(contactOnA, { body: () => ({ tags: ['muhtar'] }) }),
  'GET /api/v1/cases/suggest': account(async (f) => ({ conversationId: (await f.onAccountA()).conversationId }), {
    query: (p) => `conversationId=${p.conversationId}`,
  }),
  'POST /api/v1/cases': account(async (f) => ({ conversationId: (await f.onAccountA()).conversationId }), {
    body: (p) => ({ conversationId: p.conversationId, category: 'cop' }),
  }),
  'GET /api/v1/cases/:id': account(caseOnA),
  'GET /api/v1/cases/:id/duplicates': account(caseOnA),
  'POST /api/v1/cases/:id/merge': account(
    async (f) => ({ ...(await caseOnA(f)), into: (await f.onAccountA()).caseId }),
    { body: (p) => ({ intoCaseId: p.into }) },
  ),
  'PATCH /api/v1/cases/:id': account(caseOnA, { body: () => ({ description: 'Güncellendi' }) }),
  'POST /api/v1/cases/:id/assign': account(async (f) => ({ ...(await caseOnA(f)), department: await department(f) }), {
    body: (p) => ({ departmentId: p.department }),
  }),
  'POST /api/v1/cases/:id/start': account(caseOnA, { body: () => ({}) }),
  'POST /api/v1/cases/:id/forward': account(
    async (f) => ({ ...(await caseOnA(f)), body: await department(f, 'external_body') }),
    { body: (p) => ({ externalBodyId: p.body }) },
  ),
  'POST /api/v1/cases/:id/resolve': account(caseOnA, { body: () => ({ resolutionText: 'Çöp toplandı.' }) }),
  'POST /api/v1/cases/:id/notify': account(caseOnA, { body: () => ({ message: 'Başvurunuz sonuçlandı.' }) }),
  'POST /api/v1/cases/:id/reject': account(caseOnA, { body: () => ({ reason: 'Yetki alanımız dışında' }) }),
  'POST /api/v1/cases/:id/reopen': account(caseOnA, { body: () => ({}) }),
  'POST /api/v1/cases/:id/location/from-photo': account(caseOnA),

  // The directorate workspace: only directorate callers; "account A" is a case of the caller's department.
  'GET /api/v1/directorate/department': organization(),
  'GET /api/v1/directorate/cases': accountList((f) => f.base!.caseId, {
    params: async (f) => {
      await f.admin(`/api/v1/cases/${f.base!.caseId}/assign`, { departmentId: f.directorateDepartmentId });
      return {};
    },
  }),
  'GET /api/v1/directorate/cases/:id': account(directorateCase),
  'GET /api/v1/directorate/conversations/:id/messages': account(async (f) => ({
    id: (await directorateCase(f)).conversationId,
  })),
  'POST /api/v1/directorate/cases/:id/notes': account(directorateCase, { body: () => ({ text: 'Müdürlük notu' }) }),
  'POST /api/v1/directorate/cases/:id/status': account(directorateCase, { body: () => ({ status: 'in_progress' }) }),
  'POST /api/v1/directorate/cases/:id/proposal': account(directorateCase, {
    body: () => ({ resolutionText: 'Ekip sorunu giderdi.' }),
  }),
  'POST /api/v1/directorate/cases/:id/resolve': account(directorateCase, {
    body: () => ({ resolutionText: 'Ekip sorunu giderdi.' }),
  }),
};
