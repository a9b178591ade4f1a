import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { CaseNeighbourhoodAssigner, NeighbourhoodBoundariesService } from '@civic/cases';
import { CitizenMessageSettingsService } from '@civic/citizen-loop';
import { AppConfig } from '@civic/config';
import { connectionsShareOneSession, withAdvisoryLock } from '@civic/database';
import { MediaStore } from '@civic/media';
import { OfficeCalendarService } from '@civic/office-hours';
import { SANDBOX_IDS } from '../sandbox-channels';
import { PHOTO_SUBJECTS, sandboxPhoto } from '../sandbox-photo';
import type { StoredPhoto } from './conversation-parts';
import { DemoAutomationSeeder } from './demo-automation.seeder';
import { demoBoundaries } from './demo-boundaries';
import type { DemoHistoryOptions } from './demo-history.generator';
import { DEMO_HISTORY_SEED, generateDemoHistory } from './demo-history.generator';
import type { DemoCatalog } from './demo-history.types';
import { DemoHistoryWriter } from './demo-history.writer';
import { OFFICERS } from './people-and-places';

/** The audit action that marks an organization's demo history as written (once per organization). */
export const HISTORY_SEEDED_ACTION = 'sandbox.history_seeded';

export type DemoSeedOutcome =
  | { seeded: true; seconds: number; counts: Record<string, number> }
  | { seeded: false; reason: 'already_seeded' | 'not_empty' | 'no_catalog' | 'no_accounts' | 'locked' };

/**
 * Gives a new demo organization a believable past: 90 days of conversations, cases and mentions
 * (generateDemoHistory), written in bulk, the case actions appended to the audit chain, and a
 * `sandbox.history_seeded` audit event that marks it done. Only an organization without any
 * conversation is seeded, once.
 */
@Injectable()
export class DemoHistoryService {
  private readonly logger = new Logger(DemoHistoryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly calendars: OfficeCalendarService,
    private readonly boundaries: NeighbourhoodBoundariesService,
    private readonly neighbourhoods: CaseNeighbourhoodAssigner,
    private readonly automation: DemoAutomationSeeder,
  ) {}

  /** SANDBOX_HISTORY, by default on, except under NODE_ENV=test: suites that register the sandbox start empty unless they ask. */
  get enabled(): boolean {
    return this.config.env.SANDBOX_HISTORY ?? this.config.env.NODE_ENV !== 'test';
  }

  async seed(organizationId: string, options: DemoHistoryOptions = {}): Promise<DemoSeedOutcome> {
    const outcome = await withAdvisoryLock(this.dataSource, 'civic.sandbox', `history:${organizationId}`, () =>
      this.seedUnlocked(organizationId, options),
    );
    return outcome === 'locked' ? { seeded: false, reason: 'locked' } : outcome;
  }

  private async seedUnlocked(organizationId: string, options: DemoHistoryOptions): Promise<DemoSeedOutcome> {
    const started = performance.now();
    const [marker] = await this.dataSource.query(
      `SELECT 1 FROM audit_event WHERE organization_id = $1 AND action = $2 LIMIT 1`,
      [organizationId, HISTORY_SEEDED_ACTION],
    );
    if (marker) {
      return { seeded: false, reason: 'already_seeded' };
    }
    const [conversation] = await this.dataSource.query(
      `SELECT 1 FROM conversation WHERE organization_id = $1 LIMIT 1`,
      [organizationId],
    );
    if (conversation) {
      return { seeded: false, reason: 'not_empty' };
    }
    const catalog = await this.catalog(organizationId);
    if (catalog.categories.length === 0 || catalog.departments.length === 0) {
      return { seeded: false, reason: 'no_catalog' };
    }
    if (catalog.accounts.length === 0) {
      return { seeded: false, reason: 'no_accounts' };
    }
    catalog.officers = await this.officers(organizationId, catalog.accounts);
    const photos = await this.photos();
    const now = options.now ?? new Date();
    // The automatic messages in the organization's own texts and switches (the notice worker's reading of them).
    const notices = await new CitizenMessageSettingsService(this.dataSource, this.audit).effective(
      this.dataSource.manager,
      organizationId,
    );
    const history = await generateDemoHistory(catalog, photos, { notices, ...options, now });
    // On the embedded database every statement waits in one queue: yield between them so the
    // health check and the live sandbox are answered while the history is written.
    const shared = await connectionsShareOneSession(this.dataSource);
    const pause = shared ? () => new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
    const chunk = shared ? 400 : 1500;
    const counts = await new DemoHistoryWriter(this.dataSource.manager, organizationId, pause, chunk).write(
      history,
      now,
    );
    for (let i = 0; i < history.audit.length; i += chunk) {
      await this.audit.recordMany(history.audit.slice(i, i + chunk));
      await pause?.();
    }
    const neighbourhoods = await this.loadBoundaries(organizationId);
    const rules = await this.automation.seed(organizationId, catalog.officers);
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    const summary = {
      ...counts,
      neighbourhoods,
      rules,
      notices: history.loop.notices.length,
      auditEvents: history.audit.length,
      officers: catalog.officers.length,
    };
    await this.audit.record({
      organizationId,
      actorLabel: 'system',
      action: HISTORY_SEEDED_ACTION,
      targetType: 'organization',
      targetId: organizationId,
      after: { seed: options.seed ?? DEMO_HISTORY_SEED, days: options.days ?? 90, seconds, ...summary },
    });
    this.logger.log(
      `Demo history: ${counts.conversations} conversations, ${counts.messages} messages, ${counts.cases} cases and ${counts.mentions} mentions of the last ${options.days ?? 90} days in ${seconds} s`,
    );
    return { seeded: true, seconds, counts: summary };
  }

  /**
   * The made-up district's neighbourhood boundaries (demoBoundaries), uploaded as version 1 when the
   * organization has none, and every demo case given its neighbourhood right away (the upload's
   * background job finds nothing left to change). Returns how many cases got one.
   */
  private async loadBoundaries(organizationId: string): Promise<number> {
    const [existing] = await this.dataSource.query(
      `SELECT 1 FROM neighbourhood_boundary_set WHERE organization_id = $1 LIMIT 1`,
      [organizationId],
    );
    if (existing) {
      return 0;
    }
    const set = await this.boundaries.upload(
      { organizationId, userId: null },
      { nameProperty: 'ad', fileName: 'ornek-ilce-mahalleleri.geojson', geojson: demoBoundaries() },
    );
    let changed = 0;
    let afterId: string | null = null;
    do {
      const batch = await this.neighbourhoods.recomputeBatch(organizationId, afterId, 1000);
      changed += batch.changed;
      afterId = batch.lastId;
    } while (afterId);
    await this.dataSource.query(
      `UPDATE neighbourhood_boundary_set SET recomputed_at = now() WHERE organization_id = $1 AND id = $2`,
      [organizationId, set.id],
    );
    return changed;
  }

  private async catalog(organizationId: string): Promise<DemoCatalog> {
    const [organization] = await this.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [organizationId]);
    const accounts: {
      id: string;
      channel: string;
      external_id: string;
      handle: string | null;
      owner_label: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, channel, external_id, handle, owner_label FROM channel_account
          WHERE organization_id = $1 AND sandbox ORDER BY created_at, id`,
      [organizationId],
    );
    const units: { id: string; name: string; kind: string }[] = await this.dataSource.query(
      `SELECT id, name, kind FROM department WHERE organization_id = $1 AND active ORDER BY name`,
      [organizationId],
    );
    const categories: {
      id: string;
      code: string;
      name: string;
      sla_hours: number;
      sla_working_hours: boolean;
      department_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, code, name, sla_hours, sla_working_hours, department_id FROM case_category
        WHERE organization_id = $1 AND active ORDER BY code`,
      [organizationId],
    );
    return {
      organizationId,
      organizationName: organization?.name ?? 'Örnek Belediyesi',
      accounts: accounts.map((a) => ({
        id: a.id,
        channel: a.channel,
        externalId: a.external_id,
        handle: a.handle,
        desk: a.external_id === SANDBOX_IDS.mayorPage || /başkan/i.test(a.owner_label ?? '') ? 'mayor' : 'municipality',
      })),
      departments: units.filter((u) => u.kind === 'department').map(({ id, name }) => ({ id, name })),
      bodies: units.filter((u) => u.kind === 'external_body').map(({ id, name }) => ({ id, name })),
      categories: categories.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        slaHours: Number(c.sla_hours),
        slaWorkingHours: c.sla_working_hours,
        ownerId: c.department_id,
      })),
      officers: [],
      calendar: await this.calendars.calendarOf(organizationId),
    };
  }

  /** The desk's officers (Turkish names, officer role), each granted the accounts of their desk. */
  private async officers(organizationId: string, accounts: DemoCatalog['accounts']): Promise<DemoCatalog['officers']> {
    await this.dataSource.query(
      `INSERT INTO app_user (organization_id, email, display_name, roles, locale)
       SELECT $1, o.email, o.name, ARRAY['officer']::text[], 'tr' FROM jsonb_to_recordset($2::jsonb) AS o(email text, name text)
       ON CONFLICT (email) DO NOTHING`,
      [organizationId, JSON.stringify(OFFICERS)],
    );
    const rows: { id: string; email: string; display_name: string }[] = await this.dataSource.query(
      `SELECT id, email, display_name FROM app_user WHERE organization_id = $1 AND email = ANY($2::text[])`,
      [organizationId, OFFICERS.map((o) => o.email)],
    );
    const officers = rows.map((r) => ({
      id: r.id,
      name: r.display_name,
      email: r.email,
      desk: OFFICERS.find((o) => o.email === r.email)!.desk,
    }));
    const grants = officers.flatMap((o) =>
      accounts.filter((a) => o.desk === 'both' || a.desk === o.desk).map((a) => ({ user_id: o.id, account_id: a.id })),
    );
    await this.dataSource.query(
      `INSERT INTO user_account_grant (user_id, channel_account_id, organization_id)
       SELECT g.user_id, g.account_id, $1 FROM jsonb_to_recordset($2::jsonb) AS g(user_id uuid, account_id uuid)
       ON CONFLICT DO NOTHING`,
      [organizationId, JSON.stringify(grants)],
    );
    return officers;
  }

  /** Generated scene photos, stored once under MEDIA_DIR and shared by the history's photo messages. */
  private async photos(): Promise<StoredPhoto[]> {
    const store = new MediaStore(this.config);
    const stored: StoredPhoto[] = [];
    // One photo per subject, two of the most photographed (potholes); drawing one takes a moment,
    // so the event loop is given back in between.
    for (const [subject, variant] of [...PHOTO_SUBJECTS.map((s) => [s, 0] as const), ['yol-cukur', 1] as const]) {
      const file = await store.put(sandboxPhoto(subject, variant), 'image/jpeg');
      stored.push({ subject, sha256: file.sha256, storageKey: file.storageKey, size: file.size });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return stored;
  }
}
