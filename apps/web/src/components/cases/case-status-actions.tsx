import type { FormEvent } from 'react';
import { useState } from 'react';
import { useDepartments } from '../../api/queries/use-cases';
import type { CaseOutcome, CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionFeedback } from './action-feedback';
import { canStart, isClosed, isOpen } from './case-states';
import { useCaseRunner } from './use-case-runner';

/** Start, reopen, resolve, reject and notify: the status changes of one case. */
export function CaseStatusActions({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useCaseRunner();
  const [note, setNote] = useState('');
  const withNote = note.trim() ? { note: note.trim() } : {};
  const start = () =>
    run({ caseId: item.id, action: 'start', body: withNote }, t('cases.done.start')).then((ok) => ok && setNote(''));
  const reopen = () =>
    run({ caseId: item.id, action: 'reopen', body: withNote }, t('cases.done.reopen')).then((ok) => ok && setNote(''));

  return (
    <section className="card case-actions" aria-labelledby="case-status-title" data-testid="case-status-actions">
      <h2 id="case-status-title">{t('cases.actions.status')}</h2>
      <label>
        {t('cases.actions.note')}
        <input value={note} disabled={!canWork} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="item-line">
        <button type="button" disabled={!canWork || busy || !canStart(item.status)} onClick={() => void start()}>
          {t('cases.actions.start')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!canWork || busy || !isClosed(item.status)}
          onClick={() => void reopen()}
        >
          {t('cases.actions.reopen')}
        </button>
      </div>
      <ActionFeedback feedback={feedback} />
      <ResolveForm item={item} canWork={canWork} />
      <RejectForm item={item} canWork={canWork} />
      <NotifyForm item={item} canWork={canWork} />
    </section>
  );
}

function ResolveForm({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useCaseRunner();
  const [text, setText] = useState('');
  const [notify, setNotify] = useState(true);
  const allowed = canWork && isOpen(item.status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      { caseId: item.id, action: 'resolve', body: { resolutionText: text.trim(), notifyCitizen: notify } },
      (answer) =>
        notify
          ? notified(answer as CaseOutcome, t('cases.done.resolveNotified'), t('cases.done.resolvedNotifyRefused'))
          : { ok: true, text: t('cases.done.resolve') },
    );
    if (ok) {
      setText('');
    }
  };
  return (
    <form className="case-subform" aria-label={t('cases.actions.resolve')} onSubmit={(e) => void submit(e)}>
      <h3>{t('cases.actions.resolve')}</h3>
      <label>
        {t('cases.actions.resolutionText')}
        <textarea rows={2} required disabled={!allowed} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" disabled={!allowed} checked={notify} onChange={(e) => setNotify(e.target.checked)} />
        {t('cases.actions.notifyOnResolve')}
      </label>
      <button type="submit" disabled={!allowed || busy || !text.trim()}>
        {t('cases.actions.resolveSubmit')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

function RejectForm({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useCaseRunner();
  const bodies = useDepartments('external_body').data ?? [];
  const [reason, setReason] = useState('');
  const [body, setBody] = useState('');
  const allowed = canWork && isOpen(item.status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      {
        caseId: item.id,
        action: 'reject',
        body: { reason: reason.trim(), ...(body ? { responsibleBodyId: body } : {}) },
      },
      t('cases.done.reject'),
    );
    if (ok) {
      setReason('');
      setBody('');
    }
  };
  return (
    <form className="case-subform" aria-label={t('cases.actions.reject')} onSubmit={(e) => void submit(e)}>
      <h3>{t('cases.actions.reject')}</h3>
      <label>
        {t('cases.actions.rejectReason')}
        <textarea rows={2} required disabled={!allowed} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {t('cases.actions.responsibleBody')}
        <select disabled={!allowed} value={body} onChange={(e) => setBody(e.target.value)}>
          <option value="">{t('cases.actions.noResponsibleBody')}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="danger" disabled={!allowed || busy || !reason.trim()}>
        {t('cases.actions.rejectSubmit')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

function NotifyForm({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useCaseRunner();
  const [message, setMessage] = useState('');
  const allowed = canWork && isClosed(item.status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      { caseId: item.id, action: 'notify', body: message.trim() ? { message: message.trim() } : {} },
      (answer) => notified(answer as CaseOutcome, t('cases.done.notify'), t('cases.done.notifyRefused')),
    );
    if (ok) {
      setMessage('');
    }
  };
  return (
    <form className="case-subform" aria-label={t('cases.actions.notify')} onSubmit={(e) => void submit(e)}>
      <h3>{t('cases.actions.notify')}</h3>
      {!isClosed(item.status) && <p className="small muted">{t('cases.actions.notifyOnlyClosed')}</p>}
      <label>
        {t('cases.actions.notifyMessage')}
        <textarea rows={2} disabled={!allowed} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={!allowed || busy}>
        {t('cases.actions.notifySubmit')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

/** The citizen notification's outcome: the channel may refuse it (e.g. WhatsApp's 24-hour window closed). */
function notified(answer: CaseOutcome, success: string, refused: string) {
  if (answer.notification.status === 'refused') {
    return { ok: false, text: refused };
  }
  return { ok: true, text: success };
}
