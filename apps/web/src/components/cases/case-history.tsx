import { useCaseCategories, useDepartments } from '../../api/queries/use-cases';
import type { CaseDetail, CaseHistoryEntry } from '../../api/types';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';

type Names = (id: unknown) => string;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The case's history as sentences ("Müdürlüğe atandı: Fen İşleri"), newest last, dates through Intl. */
export function CaseHistory({ item, lookups = true }: { item: CaseDetail; lookups?: boolean }) {
  const { t, format } = useI18n();
  // Without lookups (a directorate user, refused the lists) names come from the case itself.
  const departments = useDepartments('department', lookups).data ?? [];
  const categories = useCaseCategories(lookups).data ?? [];
  const forwards = new Map(item.forwards.map((f) => [f.id, f.externalBodyName]));
  const name: Names = (id) =>
    (id && item.department?.id === id ? item.department?.name : undefined) ??
    (item.category.id === id ? item.category.name : undefined) ??
    departments.find((d) => d.id === id)?.name ??
    categories.find((c) => c.id === id)?.name ??
    forwards.get(text(id)) ??
    t('cases.history.unknownName');
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('cases.history.title')}</h2>
      <ol className="history" data-testid="case-history">
        {item.history.map((h) => (
          <li key={h.id} data-action={h.action}>
            <time className="when small muted" dateTime={h.occurredAt}>
              {format.dateTime(h.occurredAt)}
            </time>{' '}
            <span data-testid="history-sentence">{sentence(t, h, name, format.percent)}</span>
            {h.actorLabel && <span className="muted small"> · {actor(t, h.actorLabel)}</span>}
            {h.note && <p className="small history-note">{h.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Who did it: a user's address, an external body ("body:İZSU") or the system. */
function actor(t: Translate, label: string): string {
  if (label.startsWith('body:')) {
    return t('cases.history.byBody', { name: label.slice('body:'.length) });
  }
  return label === 'system' ? t('cases.history.bySystem') : label;
}

function sentence(t: Translate, h: CaseHistoryEntry, name: Names, percent: (share: number) => string): string {
  const before = h.before ?? {};
  const after = h.after ?? {};
  switch (h.action) {
    case 'created':
      return t('cases.history.created');
    case 'category_suggested':
      return t('readings.history.categorySuggested', {
        name: name(after.categoryId),
        percent: percent(Number(after.confidence ?? 0)),
        threshold: percent(Number(after.threshold ?? 0)),
      });
    case 'updated':
      return updated(t, before, after, name);
    case 'merged':
      return t('cases.history.merged', { number: String(after.mergedIntoNumber ?? '') });
    case 'merged.absorbed':
      return t('cases.history.absorbed', { number: String(after.mergedCaseNumber ?? '') });
    case 'forward.queued':
      return t('cases.history.forwardQueued', { name: name(after.forwardId) });
    case 'forward.email_outbox':
      return t('cases.history.forwardEmail', { name: name(after.forwardId), target: text(after.target) });
    case 'forward.sent':
      return t('cases.history.forwardSent', { name: text(after.externalBody) || name(after.forwardId) });
    case 'forward.failed':
      return t('cases.history.forwardFailed', { name: text(after.externalBody) || name(after.forwardId) });
    case 'note_added':
      return t('directorate.history.note');
    case 'resolution_proposed':
      return t('directorate.history.proposed', { text: text(after.proposedResolutionText) });
    case 'citizen.notified':
      return t('cases.history.citizenNotified');
    case 'citizen.notification_refused':
      return t('cases.history.citizenRefused');
    case 'citizen.email_outbox':
      return t('intake.history.emailOutbox');
    case 'citizen.email_queued':
      return t('intake.history.emailQueued');
    case 'department.told':
    case 'department.not_told':
      return departmentTold(t, h.action, after, name);
    default:
      return statusChange(t, h.action, before, after, name);
  }
}

/** A "not solved" answer told to the department (and the assignee) by e-mail, or why the department was not. */
function departmentTold(t: Translate, action: string, after: Record<string, unknown>, name: Names): string {
  const recipients = Array.isArray(after.recipients) ? after.recipients : [];
  // The department's name as it was when it was told (a later rename does not change what was sent).
  const department = text(after.department) || name(after.departmentId);
  const assignee = recipients.includes('assignee');
  if (action === 'department.told') {
    const sentence = t(after.mailer ? 'satisfaction.history.departmentTold' : 'satisfaction.history.departmentOutbox', {
      name: department,
    });
    return assignee ? `${sentence} ${t('satisfaction.history.assigneeToo')}` : sentence;
  }
  const sentence =
    after.missing === 'department'
      ? t('satisfaction.history.noDepartment')
      : t('satisfaction.history.noDepartmentEmail', { name: department });
  return assignee ? `${sentence} ${t('satisfaction.history.assigneeTold')}` : sentence;
}

function statusChange(
  t: Translate,
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  name: Names,
): string {
  const by = text(after.by);
  switch (after.status) {
    case 'assigned':
      return before.status === 'assigned'
        ? t('cases.history.reassigned', { name: name(after.departmentId) })
        : t('cases.history.assigned', { name: name(after.departmentId) });
    case 'in_progress':
      return before.status === 'resolved' || before.status === 'rejected'
        ? t('cases.history.reopened')
        : t('cases.history.started');
    case 'forwarded': {
      const body = after.externalBody as { name?: string } | undefined;
      return t('cases.history.forwarded', { name: body?.name ?? t('cases.history.unknownName') });
    }
    case 'resolved':
      return t('cases.history.resolved', { text: text(after.resolutionText) });
    case 'rejected':
      return t('cases.history.rejected', { text: text(after.reason) });
    default:
      // A body's status note that changed nothing, or an action this screen does not know yet.
      return by
        ? t('cases.history.bodyNote', { name: by })
        : t(`cases.history.${action === 'status' ? 'status' : 'other'}` as MessageKey);
  }
}

function updated(t: Translate, before: Record<string, unknown>, after: Record<string, unknown>, name: Names): string {
  const parts: string[] = [];
  if ('priority' in after) {
    parts.push(
      t('cases.history.priority', {
        from: t(`cases.priority.${text(before.priority)}` as MessageKey),
        to: t(`cases.priority.${text(after.priority)}` as MessageKey),
      }),
    );
  }
  if ('categoryId' in after) {
    parts.push(t('cases.history.category', { from: name(before.categoryId), to: name(after.categoryId) }));
  }
  if ('description' in after) {
    parts.push(t('cases.history.description'));
  }
  if ('location' in after) {
    parts.push(t('cases.history.location'));
  }
  if ('assignee' in after) {
    const assignee = after.assignee as { displayName?: string | null } | null;
    parts.push(
      assignee
        ? t('cases.history.assignee', { name: assignee.displayName ?? t('cases.history.unknownName') })
        : t('cases.history.unassigned'),
    );
  }
  return parts.length ? parts.join('; ') : t('cases.history.other');
}
