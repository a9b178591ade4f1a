import { randomUUID } from 'node:crypto';
import { formatCaseNumber } from '@civic/model';
import { slaDeadlines } from '@civic/office-hours';
import { historyRow, iso, openAt, slug } from './case-rows';
import { DAY, localYear } from './demo-clock';
import type { CaseForwardRow, CaseHistoryRow, CaseRow, DemoCatalog } from './demo-history.types';
import { bodyAnswer, REJECTION_REASONS, resolutionText } from './officer-texts';
import { withoutDiacritics } from './people-and-places';
import type { SeededRandom } from './seeded-random';

type Category = DemoCatalog['categories'][number];
type Officer = DemoCatalog['officers'][number];

/** What the conversation needs from a request opened as a case. */
export interface CaseRequest {
  conversationId: string;
  messageId: string;
  contactId: string;
  channel: string;
  channelAccountId: string;
  category: Category;
  createdAt: number;
  officer: Officer;
  description: string | null;
  location: { latitude: number; longitude: number; label: string } | null;
  photos: unknown[];
  neighbourhood: string;
}

/** How the case ended (or not yet), for the conversation's last messages. */
export interface PlannedCase {
  row: CaseRow;
  /** Set when a body handles it: the first reply names the body. */
  bodyName: string | null;
  departmentName: string | null;
  /** When and with what the citizen is told the outcome; null while open or when nobody told them. */
  outcome: { at: number; text: string; rejected: boolean; officer: Officer } | null;
  /** A merged duplicate: the citizen is pointed at the surviving case. */
  mergedInto: CaseRow | null;
}

/**
 * Draws each case's life: its department (the category's owner, or the help desk for categories an
 * external body owns), start, forward to a body and the body's answer, resolution within or past the
 * category's SLA, rejection with a reason, or merging into an open case of the same kind nearby; and
 * writes the history rows the services would have written for those steps.
 */
export class CasePlanner {
  readonly cases: CaseRow[] = [];
  readonly history: CaseHistoryRow[] = [];
  readonly forwards: CaseForwardRow[] = [];
  private number = 0;
  /** Last sequence per local year (readable case numbers restart each year). */
  private readonly yearSequences = new Map<number, number>();
  private readonly helpDesk: { id: string; name: string } | null;
  private readonly unitNames = new Map<string, string>();
  private readonly bodyIds = new Set<string>();
  private readonly recent = new Map<string, CaseRow[]>();

  constructor(
    private readonly random: SeededRandom,
    private readonly catalog: DemoCatalog,
    private readonly now: number,
  ) {
    for (const unit of [...catalog.departments, ...catalog.bodies]) {
      this.unitNames.set(unit.id, unit.name);
    }
    catalog.bodies.forEach((b) => this.bodyIds.add(b.id));
    const owning = new Set(catalog.categories.map((c) => c.ownerId));
    const spare = catalog.departments.filter((d) => !owning.has(d.id));
    this.helpDesk = spare.find((d) => /beyaz masa/i.test(d.name)) ?? spare[0] ?? catalog.departments[0] ?? null;
  }

  /** Departments that own no category: they get a share of requests so every unit has work. */
  private spareDepartments(): { id: string; name: string }[] {
    const owning = new Set(this.catalog.categories.map((c) => c.ownerId));
    return this.catalog.departments.filter((d) => !owning.has(d.id));
  }

  plan(request: CaseRequest): PlannedCase {
    const { random } = this;
    const category = request.category;
    const ownedByBody = category.ownerId !== null && this.bodyIds.has(category.ownerId);
    let department =
      ownedByBody || category.ownerId === null
        ? this.helpDesk
        : { id: category.ownerId, name: this.unitNames.get(category.ownerId)! };
    const spare = this.spareDepartments();
    if (!ownedByBody && spare.length > 0 && random.chance(0.06)) {
      department = random.pick(spare);
    }
    const created = request.createdAt;
    // The services' formula (CaseDueDatesService): clock or working hours on the office calendar.
    const deadlines = slaDeadlines(
      { openedAt: new Date(created), slaHours: category.slaHours, workingHours: category.slaWorkingHours },
      this.catalog.calendar,
    );
    const sla = deadlines.dueAt.getTime() - created;
    const row: CaseRow = {
      id: randomUUID(),
      number: ++this.number,
      case_number: this.nextCaseNumber(request.createdAt),
      conversation_id: request.conversationId,
      message_id: request.messageId,
      contact_id: request.contactId,
      channel: request.channel,
      channel_account_id: request.channelAccountId,
      category_id: category.id,
      department_id: department?.id ?? null,
      external_body_id: null,
      assignee_user_id: random.chance(0.55) ? request.officer.id : null,
      description: request.description,
      priority:
        ownedByBody && /gaz/i.test(category.name)
          ? 'urgent'
          : random.weighted({ normal: 75, high: 15, low: 6, urgent: 4 }),
      status: department ? 'assigned' : 'new',
      latitude: request.location?.latitude ?? null,
      longitude: request.location?.longitude ?? null,
      location_label: request.location?.label ?? null,
      photos: request.photos,
      due_at: iso(deadlines.dueAt.getTime()),
      at_risk_at: iso(deadlines.atRiskAt.getTime()),
      resolution_text: null,
      rejection_reason: null,
      first_resolved_at: null,
      resolved_at: null,
      rejected_at: null,
      resolution_count: 0,
      merged_into_case_id: null,
      merged_at: null,
      created_by_user_id: request.officer.id,
      created_at: iso(created),
      updated_at: iso(created),
    };
    const officer = request.officer;
    this.record(row, officer, 'created', created, null, {
      caseNumber: row.case_number,
      status: row.status,
      category: category.code,
      departmentId: row.department_id,
      priority: row.priority,
      location: request.location
        ? { latitude: row.latitude, longitude: row.longitude, label: row.location_label }
        : null,
      photos: request.photos.length,
      dueAt: row.due_at,
      conversationId: row.conversation_id,
      messageId: row.message_id,
    });
    this.cases.push(row);
    const planned: PlannedCase = {
      row,
      bodyName: null,
      departmentName: department?.name ?? null,
      outcome: null,
      mergedInto: null,
    };

    const survivor = this.survivorFor(row, request.neighbourhood, created);
    if (survivor && random.chance(0.8)) {
      this.merge(row, survivor, officer, created + random.int(10, 180) * 60_000);
      planned.mergedInto = survivor;
      return planned;
    }
    this.remember(row, request.neighbourhood);

    const waterBody = /su/i.test(category.code)
      ? this.catalog.bodies.find((b) => /su |su$|kaski|izsu|eski|ski\b/i.test(withoutDiacritics(b.name)))
      : undefined;
    const body = ownedByBody
      ? this.catalog.bodies.find((b) => b.id === category.ownerId)
      : waterBody && random.chance(0.12)
        ? waterBody
        : undefined;
    const roll = random.next();
    // Most requests are solved within the category's time, some late, a few stay open past it.
    const late = roll < 0.14;
    const stuck = roll >= 0.14 && roll < 0.18;
    const rejected = !body && roll >= 0.18 && roll < 0.24;
    const fraction = late ? 1.08 + random.next() * 1.8 : Math.min(0.97, random.logNormal(0.38, 0.55));
    const closeAt = created + fraction * sla;
    let at = created;

    if (body) {
      at = created + random.int(20, 240) * 60_000;
      planned.bodyName = body.name;
      this.forward(row, body, officer, at);
    } else if (random.chance(0.6) && !rejected) {
      at = Math.min(created + fraction * sla * 0.3, this.now - 60_000);
      if (at > created) {
        this.transition(row, officer, 'in_progress', at, 'status', {}, {});
      }
    }
    if (stuck && created + sla < this.now) {
      return planned;
    }
    if (rejected) {
      const rejectAt = created + (0.2 + random.next() * 0.6) * sla;
      if (rejectAt >= this.now) {
        return planned;
      }
      const reason = random.pick(REJECTION_REASONS);
      this.transition(row, officer, 'rejected', rejectAt, 'status', { rejectionReason: null }, { reason });
      row.rejection_reason = reason;
      row.rejected_at = iso(rejectAt);
      planned.outcome = this.notice(row, officer, rejectAt, reason, true);
      return planned;
    }
    if (closeAt >= this.now) {
      return planned;
    }
    if (body) {
      const text = bodyAnswer(random);
      const reference = `${slug(body.name).toUpperCase().slice(0, 5)}-${2026}-${random.digits(5)}`;
      const actor = { id: null, label: `body:${body.name}` };
      this.history.push(
        historyRow(
          row,
          actor,
          'resolved',
          closeAt,
          { status: row.status, resolutionText: null },
          { status: 'resolved', resolutionText: text, by: body.name, externalReference: reference },
          `ref: ${reference}`,
        ),
      );
      this.resolve(row, closeAt, text);
      planned.outcome = this.notice(row, officer, closeAt + random.int(30, 300) * 60_000, text, false);
      return planned;
    }
    const text = resolutionText(random, category.code);
    this.transition(
      row,
      officer,
      'resolved',
      closeAt,
      'resolved',
      { resolutionText: null },
      { resolutionText: text, resolutionCount: 1 },
    );
    this.resolve(row, closeAt, text);
    planned.outcome = random.chance(0.85)
      ? this.notice(row, officer, closeAt + random.int(1, 20) * 60_000, text, false)
      : null;
    return planned;
  }

  /** Cases still open at their reporting time, same category and neighbourhood, opened within 14 days. */
  private survivorFor(row: CaseRow, neighbourhood: string, at: number): CaseRow | null {
    const list = this.recent.get(`${row.category_id}|${neighbourhood}`) ?? [];
    return (
      list.find(
        (c) =>
          Date.parse(c.created_at) > at - 14 * DAY &&
          openAt(c, at) &&
          c.latitude !== null &&
          row.latitude !== null &&
          Math.abs(c.latitude - row.latitude) < 0.0013 &&
          Math.abs((c.longitude ?? 0) - (row.longitude ?? 0)) < 0.0017,
      ) ?? null
    );
  }

  private remember(row: CaseRow, neighbourhood: string): void {
    const key = `${row.category_id}|${neighbourhood}`;
    const list = this.recent.get(key) ?? [];
    list.unshift(row);
    this.recent.set(key, list.slice(0, 12));
  }

  private nextCaseNumber(createdAt: number): string {
    const year = localYear(createdAt);
    const sequence = (this.yearSequences.get(year) ?? 0) + 1;
    this.yearSequences.set(year, sequence);
    return formatCaseNumber(year, sequence);
  }

  private merge(row: CaseRow, survivor: CaseRow, officer: Officer, at: number): void {
    const when = Math.min(at, this.now - 60_000);
    this.transition(
      row,
      officer,
      'merged',
      when,
      'merged',
      { mergedIntoCaseId: null },
      { mergedIntoCaseId: survivor.id, mergedIntoNumber: survivor.case_number },
    );
    row.merged_into_case_id = survivor.id;
    row.merged_at = iso(when);
    this.record(survivor, officer, 'merged.absorbed', when, null, {
      mergedCaseId: row.id,
      mergedCaseNumber: row.case_number,
      conversationId: row.conversation_id,
      messageId: row.message_id,
      followers: [],
    });
  }

  private forward(row: CaseRow, body: { id: string; name: string }, officer: Officer, at: number): void {
    const forwardId = randomUUID();
    const target = `https://entegrasyon.${slug(body.name)}.gov.tr/civic-inbox`;
    this.transition(
      row,
      officer,
      'forwarded',
      at,
      'forwarded',
      { externalBodyId: null },
      { externalBody: { id: body.id, name: body.name } },
    );
    row.external_body_id = body.id;
    this.forwards.push({
      id: forwardId,
      case_id: row.id,
      external_body_id: body.id,
      transport: 'webhook',
      target,
      payload: { event: 'case.forwarded', case: { id: row.id, caseNumber: row.case_number }, forwardId },
      status: 'sent',
      attempts: 1,
      response_status: 200,
      sent_at: iso(at + 2000),
      created_by_user_id: officer.id,
      created_at: iso(at),
      updated_at: iso(at + 2000),
    });
    this.record(row, officer, 'forward.queued', at, null, { forwardId, transport: 'webhook', target });
    this.history.push(
      historyRow(
        row,
        { id: null, label: 'system' },
        'forward.sent',
        at + 2000,
        null,
        { forwardId, externalBody: body.name, target, responseStatus: 200, error: null },
        null,
      ),
    );
  }

  private resolve(row: CaseRow, at: number, text: string): void {
    row.status = 'resolved';
    row.resolution_text = text;
    row.first_resolved_at = iso(at);
    row.resolved_at = iso(at);
    row.resolution_count = 1;
    row.updated_at = iso(at);
  }

  /** The history line of the message that told the citizen the outcome (CaseResolutionService). */
  notified(row: CaseRow, officer: Officer, at: number, messageId: string, text: string): void {
    this.record(row, officer, 'citizen.notified', at, null, { status: 'queued', messageId, text, template: null });
  }

  /** When the citizen is told on their channel; null when that would be in the future. */
  private notice(
    row: CaseRow,
    officer: Officer,
    at: number,
    outcome: string,
    rejected: boolean,
  ): PlannedCase['outcome'] {
    if (at >= this.now) {
      return null;
    }
    return { at, text: outcome, rejected, officer };
  }

  private transition(
    row: CaseRow,
    officer: Officer,
    to: string,
    at: number,
    action: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    this.history.push(
      historyRow(
        row,
        { id: officer.id, label: officer.email },
        action,
        at,
        { status: row.status, ...before },
        { status: to, ...after },
        null,
      ),
    );
    row.status = to;
    row.updated_at = iso(at);
  }

  private record(
    row: CaseRow,
    officer: Officer,
    action: string,
    at: number,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): void {
    this.history.push(historyRow(row, { id: officer.id, label: officer.email }, action, at, before, after, null));
  }
}
