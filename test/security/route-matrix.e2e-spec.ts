import { randomUUID } from 'node:crypto';
import { AttachmentType, UserAccountGrant, UserRole } from '@civic/domain';
import { MediaStore } from '@civic/media';
import type { SeededAccounts } from '../inbox/inbox-seed';
import { createAccounts, inbound, ingestAll } from '../inbox/inbox-seed';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import type { RouteClass, RouteFixtures } from './route-classes';
import { ROUTE_CLASSES } from './route-classes';
import type { AppRoute } from './route-table';
import { appRoutes } from './route-table';

jest.setTimeout(600_000);

interface Caller {
  name: string;
  role: UserRole;
  token: string;
  /** Reaches resources of account A (the fixtures' account). */
  seesAccountA: boolean;
  otherOrganization: boolean;
}

/**
 * Every route of the application's own route table (Express router, with each handler's Nest metadata)
 * × every role × {granted, not granted, other organization}. Each route must be classified in
 * route-classes.ts; an unclassified route fails with how to classify it.
 */
describe('Route matrix: every route × role × grant × organization', () => {
  let t: TestApp;
  let routes: AppRoute[];
  let callers: Caller[];
  let fixtures: RouteFixtures;

  beforeAll(async () => {
    // Hundreds of /auth requests from one address: the per-IP sign-in limit is not under test here.
    t = await startTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: 100_000 } });
    routes = appRoutes(t.app);
    const accounts = await createAccounts(t, t.organizationId, 'matrix');
    const other = await t.createOrganization('Talas Belediyesi');
    const grant = async (userId: string, accountIds: string[]) => {
      for (const channelAccountId of accountIds) {
        await t.dataSource
          .getRepository(UserAccountGrant)
          .save({ userId, channelAccountId, organizationId: t.organizationId });
      }
    };
    const officerA = await t.createUser([UserRole.Officer]);
    await grant(officerA.user.id, [accounts.whatsapp.id]);
    const officerB = await t.createUser([UserRole.Officer]);
    await grant(officerB.user.id, [accounts.facebook.id]);
    // Directorate users: one of the department the fixtures' cases go to (it may send resolutions), one of another.
    const directorateOf = async (name: string, mayResolve: boolean) => {
      const department = await t
        .http()
        .post('/api/v1/departments')
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({ name, kind: 'department', directorateMayResolve: mayResolve });
      const created = await t.createUser([UserRole.Directorate]);
      await t.dataSource.query(`UPDATE app_user SET department_id = $2 WHERE id = $1`, [
        created.user.id,
        department.body.id,
      ]);
      return { departmentId: department.body.id as string, token: created.token };
    };
    const directorateA = await directorateOf('Matris Müdürlüğü', true);
    const directorateB = await directorateOf('Başka Müdürlük', true);
    callers = [
      { name: 'admin', role: UserRole.Admin, token: t.adminToken, seesAccountA: true, otherOrganization: false },
      {
        name: 'mayor_office',
        role: UserRole.MayorOffice,
        token: (await t.createUser([UserRole.MayorOffice])).token,
        seesAccountA: true,
        otherOrganization: false,
      },
      {
        name: 'auditor',
        role: UserRole.Auditor,
        token: (await t.createUser([UserRole.Auditor])).token,
        seesAccountA: true,
        otherOrganization: false,
      },
      {
        name: 'officer granted A',
        role: UserRole.Officer,
        token: officerA.token,
        seesAccountA: true,
        otherOrganization: false,
      },
      {
        name: 'officer granted only B',
        role: UserRole.Officer,
        token: officerB.token,
        seesAccountA: false,
        otherOrganization: false,
      },
      {
        name: 'directorate of the fixtures’ department',
        role: UserRole.Directorate,
        token: directorateA.token,
        seesAccountA: true,
        otherOrganization: false,
      },
      {
        name: 'directorate of another department',
        role: UserRole.Directorate,
        token: directorateB.token,
        seesAccountA: false,
        otherOrganization: false,
      },
      {
        name: 'admin of another organization',
        role: UserRole.Admin,
        token: (await t.createUser([UserRole.Admin], other.id)).token,
        seesAccountA: false,
        otherOrganization: true,
      },
    ];
    fixtures = makeFixtures(t, accounts);
    fixtures.directorateDepartmentId = directorateA.departmentId;
    const base = await fixtures.onAccountA();
    const marker = 'matrisozelkelime';
    const watchlist = await fixtures.admin('/api/v1/mentions/watchlists', {
      name: 'Matris',
      terms: ['belediye'],
      twitterSearch: false,
    });
    const [mention] = await t.dataSource.query(
      `INSERT INTO mention (organization_id, watchlist_id, message_id, channel, external_id, source, author_external_id, author_name, text, search_text, published_at)
       SELECT organization_id, $2, id, channel, external_id, 'inbox', $3, $3, text || ' ' || $3, 'belediye ' || $3, now() FROM message WHERE id = $1 RETURNING id`,
      [base.messageId, watchlist.id, marker],
    );
    fixtures.base = { ...base, mentionId: mention.id, marker };
  });
  afterAll(() => t?.close());

  it('classifies every route of the application', () => {
    const unclassified = [...new Set(routes.map((r) => r.key))].filter((key) => !ROUTE_CLASSES[key]);
    const stale = Object.keys(ROUTE_CLASSES).filter((key) => !routes.some((r) => r.key === key));
    expect({
      unclassified: unclassified.map(
        (key) =>
          `${key}: add it to ROUTE_CLASSES in test/security/route-classes.ts as public, own-user, organization, account (with the fixture of its account-A resource) or account-list (with the marker of account A's data)`,
      ),
      stale,
    }).toEqual({ unclassified: [], stale: [] });
  });

  it('opens to a directorate caller exactly the own-user routes, and no other route without @Roles', () => {
    // A directorate-only caller is default-deny: an own-user route without @Roles or @SelfService would shut
    // it out of its own profile, and @SelfService on any other route would open that route to it.
    const mismatched = dedupe(routes)
      .filter((r) => {
        const ownUser = ROUTE_CLASSES[r.key]?.kind === 'own-user';
        return ownUser ? !r.roles?.length && !r.selfService : r.selfService;
      })
      .map((r) => `${r.key}: ${r.selfService ? '@SelfService on a route not classified own-user' : 'no @SelfService'}`);
    expect(mismatched).toEqual([]);
  });

  it('answers each caller as its class says', async () => {
    const failures: string[] = [];
    // Lists first: the fixtures other routes create would push account A's rows off their first page.
    const lists = (r: AppRoute) => (ROUTE_CLASSES[r.key]?.kind === 'account-list' ? 0 : 1);
    for (const route of dedupe(routes).sort((x, y) => lists(x) - lists(y))) {
      const spec = ROUTE_CLASSES[route.key];
      if (!spec) {
        continue;
      }
      const problems = await checkRoute(route, spec).catch((error: Error) => [`fixture failed: ${error.message}`]);
      for (const problem of problems) {
        failures.push(`${route.key}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  async function checkRoute(route: AppRoute, spec: RouteClass): Promise<string[]> {
    const problems: string[] = [];
    const call = async (token: string | null) => {
      const params: Record<string, string> =
        spec.kind === 'public' || spec.kind === 'stream' ? {} : await (spec.params?.(fixtures) ?? Promise.resolve({}));
      const template = typeof route.path === 'string' ? route.path : '/';
      const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? randomUUID());
      const body = spec.kind === 'public' || spec.kind === 'stream' ? undefined : spec.body?.(params, fixtures);
      let req = t
        .http()
        [route.method.toLowerCase() as 'get'](
          spec.kind !== 'public' && spec.kind !== 'stream' && spec.query ? `${path}?${spec.query(params)}` : path,
        );
      if (token) {
        req = req.set('Authorization', `Bearer ${token}`);
      }
      const res = body === undefined ? await req : await req.send(body);
      return res;
    };
    if (spec.kind === 'public') {
      const res = await call(null);
      if (res.status >= 500) {
        problems.push(`without a token answered ${res.status}`);
      }
      return problems;
    }
    const anonymous = await call(null);
    if (anonymous.status !== 401) {
      problems.push(`without a token answered ${anonymous.status}, expected 401`);
    }
    if (spec.kind === 'stream') {
      return problems;
    }
    // Callers who must not reach account A first, so that a change by an allowed caller cannot hide a leak.
    const ordered = [...callers].sort((x, y) => Number(x.seesAccountA) - Number(y.seesAccountA));
    for (const caller of ordered) {
      // A directorate caller reaches only routes naming its role and its own user's (@SelfService).
      const allowedRole =
        caller.role === UserRole.Directorate
          ? !!route.roles?.includes(caller.role) || (!route.roles?.length && route.selfService)
          : !route.roles?.length || route.roles.includes(caller.role);
      const res = await call(caller.token);
      const got = `${caller.name} got ${res.status}`;
      if (res.status >= 500) {
        problems.push(`${got} (server error)`);
        continue;
      }
      if (!allowedRole) {
        if (res.status !== 403) {
          problems.push(`${got}, expected 403 (roles ${route.roles?.join(',')})`);
        }
        continue;
      }
      const reaches =
        spec.kind === 'own-user' ||
        (spec.kind === 'organization' ? !caller.otherOrganization || !spec.params : caller.seesAccountA);
      if (spec.kind === 'account-list') {
        const text = JSON.stringify(res.body ?? null) + (res.text ?? '');
        const marker = spec.marker(fixtures);
        if ([401, 403, 404].includes(res.status)) {
          problems.push(`${got}, expected an answer`);
        } else if (caller.seesAccountA && !text.includes(marker)) {
          problems.push(`${caller.name} does not see account A's ${marker}`);
        } else if (!caller.seesAccountA && text.includes(marker)) {
          problems.push(`${caller.name} sees account A's ${marker}`);
        }
        continue;
      }
      if (spec.kind === 'own-user') {
        // The caller's own things: an unknown id or a wrong code may answer 404 or 401, never 403.
        if (res.status === 403) {
          problems.push(`${got}, expected it to work`);
        }
        continue;
      }
      if (reaches && res.status === 404 && spec.absentOk) {
        continue;
      }
      if (reaches && res.status === 403 && spec.forbiddenOk && caller.role !== UserRole.Admin) {
        continue;
      }
      if (reaches && [401, 403, 404].includes(res.status)) {
        problems.push(`${got}, expected it to work: ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      if (!reaches && res.status !== 404 && res.status !== 403) {
        problems.push(`${got}, expected 404 (or 403): ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    return problems;
  }
});

/** Express lists some routes twice (mounted under two prefixes); one check per key is enough. */
function dedupe(routes: AppRoute[]): AppRoute[] {
  return [...new Map(routes.map((r) => [r.key, r])).values()];
}

function makeFixtures(t: TestApp, accounts: SeededAccounts): RouteFixtures {
  const admin = { Authorization: `Bearer ${t.adminToken}` };
  const post = async (path: string, body: object) => {
    const res = await t.http().post(path).set(admin).send(body);
    if (res.status >= 300) {
      throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  };
  let n = 0;
  return {
    organizationId: t.organizationId,
    accountA: accounts.whatsapp.id,
    admin: post,
    dataSource: t.dataSource,
    /** A fresh citizen message on account A, with a stored photo, and a case opened on it. */
    async onAccountA() {
      n += 1;
      await ingestAll(t, [
        inbound(accounts.whatsapp, `Matris ${n}: çöp toplanmadı, belediye`, {
          at: new Date().toISOString(),
          contactName: `Matris Vatandaş ${n}`,
        }),
      ]);
      const [message] = await t.dataSource.query(
        `SELECT id, conversation_id, contact_id FROM message WHERE channel_account_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 1`,
        [accounts.whatsapp.id],
      );
      const stored = await t.app.get(MediaStore).put(Buffer.from(`fotoğraf ${n}`), 'image/jpeg');
      await t.dataSource.query(`UPDATE message SET attachments = $2::jsonb WHERE id = $1`, [
        message.id,
        JSON.stringify([
          {
            type: AttachmentType.Image,
            mimeType: 'image/jpeg',
            storageKey: stored.storageKey,
            downloadState: 'stored',
          },
        ]),
      ]);
      const created = await post('/api/v1/cases', {
        conversationId: message.conversation_id,
        category: 'cop',
        location: { latitude: 38.7, longitude: 35.5 },
      });
      return {
        conversationId: message.conversation_id,
        messageId: message.id,
        contactId: message.contact_id,
        caseId: created.id,
      };
    },
  };
}
