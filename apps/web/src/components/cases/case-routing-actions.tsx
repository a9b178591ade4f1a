import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCaseCategories, useDepartments } from '../../api/queries/use-cases';
import { useUsers } from '../../api/queries/use-conversations';
import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { ActionFeedback } from './action-feedback';
import { CASE_PRIORITIES, isOpen } from './case-states';
import { useCaseRunner } from './use-case-runner';

/** Who handles the case and what it is: the officer, the department (assign, reassign), category and priority. */
export function CaseRoutingActions({
  item,
  canWork,
  canListUsers,
}: {
  item: CaseView;
  canWork: boolean;
  canListUsers: boolean;
}) {
  const { t } = useI18n();
  return (
    <section className="card case-actions" aria-labelledby="case-routing-title" data-testid="case-routing-actions">
      <h2 id="case-routing-title">{t('cases.actions.routing')}</h2>
      <AssigneeForm item={item} canWork={canWork} canListUsers={canListUsers} />
      <AssignForm item={item} canWork={canWork} />
      <EditForm item={item} canWork={canWork} />
    </section>
  );
}

/** The officer responsible: "assign to me" for everyone who works cases, any officer for an administrator. */
function AssigneeForm({ item, canWork, canListUsers }: { item: CaseView; canWork: boolean; canListUsers: boolean }) {
  const { t } = useI18n();
  const me = api.current?.user.id;
  const users = (useUsers(canListUsers).data ?? []).filter(
    (u) => u.active && u.roles.some((r) => r === 'admin' || r === 'officer'),
  );
  const { run, feedback, busy } = useCaseRunner();
  const [choice, setChoice] = useState('');
  const allowed = canWork && item.status !== 'merged';
  const assign = (userId: string | null, name: string) =>
    run(
      { caseId: item.id, action: '', method: 'PATCH', body: { assigneeUserId: userId } },
      userId ? t('cases.done.assignee', { name }) : t('cases.done.unassigned'),
    );
  return (
    <div className="case-subform" data-testid="case-assignee-form">
      <p className="small">
        {t('cases.field.assignee')}:{' '}
        <strong data-testid="case-assignee">{item.assignee?.displayName ?? t('cases.noAssignee')}</strong>
      </p>
      <div className="item-line">
        <button
          type="button"
          className="secondary"
          disabled={!allowed || busy || !me || item.assignee?.id === me}
          onClick={() => void assign(me!, api.current?.user.displayName ?? '')}
        >
          {t('cases.actions.assignToMe')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!allowed || busy || !item.assignee}
          onClick={() => void assign(null, '')}
        >
          {t('cases.actions.unassign')}
        </button>
      </div>
      {canListUsers && (
        <div className="item-line">
          <label>
            {t('cases.actions.pickOfficer')}
            <select disabled={!allowed} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('cases.actions.pickOfficerPlaceholder')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!allowed || busy || !choice || choice === item.assignee?.id}
            onClick={() => void assign(choice, users.find((u) => u.id === choice)?.displayName ?? '')}
          >
            {t('cases.actions.assignOfficer')}
          </button>
        </div>
      )}
      <ActionFeedback feedback={feedback} />
    </div>
  );
}

function AssignForm({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const departments = useDepartments('department').data ?? [];
  const { run, feedback, busy } = useCaseRunner();
  const [department, setDepartment] = useState(item.department?.id ?? '');
  const [note, setNote] = useState('');
  useEffect(() => setDepartment(item.department?.id ?? ''), [item.department?.id]);
  const allowed = canWork && isOpen(item.status);
  const reassign = !!item.department;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = departments.find((d) => d.id === department)?.name ?? '';
    const ok = await run(
      {
        caseId: item.id,
        action: 'assign',
        body: { departmentId: department, ...(note.trim() ? { note: note.trim() } : {}) },
      },
      t('cases.done.assign', { name }),
    );
    if (ok) {
      setNote('');
    }
  };
  return (
    <form className="case-subform" aria-label={t('cases.actions.assign')} onSubmit={(e) => void submit(e)}>
      <label>
        {t('cases.field.department')}
        <select
          required
          disabled={!allowed}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          data-testid="assign-department"
        >
          <option value="">{t('cases.actions.pickDepartment')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('cases.actions.note')}
        <input disabled={!allowed} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button
        type="submit"
        disabled={!allowed || busy || !department || (reassign && department === item.department?.id && !note.trim())}
      >
        {reassign ? t('cases.actions.reassign') : t('cases.actions.assign')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

function EditForm({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const categories = (useCaseCategories().data ?? []).filter((c) => c.active || c.id === item.category.id);
  const { run, feedback, busy } = useCaseRunner();
  const [category, setCategory] = useState(item.category.id);
  const [priority, setPriority] = useState<string>(item.priority);
  useEffect(() => {
    setCategory(item.category.id);
    setPriority(item.priority);
  }, [item.category.id, item.priority]);
  const allowed = canWork && item.status !== 'merged';
  const changed = category !== item.category.id || priority !== item.priority;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = categories.find((c) => c.id === category)?.code;
    await run(
      {
        caseId: item.id,
        action: '',
        method: 'PATCH',
        body: {
          ...(category !== item.category.id && code ? { category: code } : {}),
          ...(priority !== item.priority ? { priority } : {}),
        },
      },
      t('cases.done.edit'),
    );
  };
  return (
    <form className="case-subform" aria-label={t('cases.actions.edit')} onSubmit={(e) => void submit(e)}>
      <div className="item-line">
        <label>
          {t('cases.field.category')}
          <select disabled={!allowed} value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.field.priority')}
          <select disabled={!allowed} value={priority} onChange={(e) => setPriority(e.target.value)}>
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`cases.priority.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small muted">{t('cases.actions.categoryMovesDue')}</p>
      <button type="submit" className="secondary" disabled={!allowed || busy || !changed}>
        {t('cases.actions.saveEdit')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
