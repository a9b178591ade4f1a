import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { DirectorateDepartment } from '../../api/queries/use-directorate';
import { useDirectorateAction } from '../../api/queries/use-directorate';
import type { CaseDetail, CaseOutcome } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionFeedback } from '../cases/action-feedback';
import { canStart, isOpen } from '../cases/case-states';
import type { Feedback } from '../cases/use-case-runner';
import { RelativeTime } from '../relative-time';

/** Runs one directorate action and keeps its outcome sentence (or the API's coded error). */
function useRunner() {
  const { t, language } = useI18n();
  const action = useDirectorateAction();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  useEffect(() => setFeedback(null), [language]);
  const run = async (
    request: { caseId: string; action: string; body: object },
    success: string | ((answer: unknown) => Feedback),
  ) => {
    setFeedback(null);
    try {
      const answer = await action.mutateAsync(request);
      const outcome = typeof success === 'string' ? { ok: true, text: success } : success(answer);
      setFeedback(outcome);
      return outcome.ok;
    } catch (e) {
      setFeedback({ ok: false, text: t('common.error', { message: (e as Error).message }) });
      return false;
    }
  };
  return { run, feedback, busy: action.isPending };
}

/** What a directorate user does on a case: start it, add a note, propose (or, if allowed, send) the resolution. */
export function DirectorateCaseActions({
  item,
  department,
}: {
  item: CaseDetail;
  department: DirectorateDepartment | null;
}) {
  return (
    <div className="stack" data-testid="directorate-actions">
      <StatusCard item={item} />
      <NoteCard item={item} />
      <ResolutionCard item={item} mayResolve={!!department?.directorateMayResolve} />
    </div>
  );
}

function StatusCard({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useRunner();
  const [note, setNote] = useState('');
  const start = async () => {
    const ok = await run(
      {
        caseId: item.id,
        action: 'status',
        body: { status: 'in_progress', ...(note.trim() ? { note: note.trim() } : {}) },
      },
      t('directorate.status.done'),
    );
    if (ok) {
      setNote('');
    }
  };
  return (
    <section className="card case-actions" aria-labelledby="directorate-status-title">
      <h2 id="directorate-status-title">{t('directorate.status.title')}</h2>
      {isOpen(item.status) ? (
        <>
          <p className="small muted">{t('directorate.status.startHint')}</p>
          <label>
            {t('directorate.status.note')}
            <input value={note} disabled={!canStart(item.status)} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={busy || !canStart(item.status)}
            onClick={() => void start()}
            data-testid="directorate-start"
          >
            {t('directorate.status.start')}
          </button>
        </>
      ) : (
        <p className="small muted">{t('directorate.status.closed')}</p>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}

function NoteCard({ item }: { item: CaseDetail }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useRunner();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run({ caseId: item.id, action: 'notes', body: { text: text.trim() } }, t('directorate.note.done'))) {
      setText('');
    }
  };
  return (
    <form className="card case-subform" aria-labelledby="directorate-note-title" onSubmit={(e) => void submit(e)}>
      <h2 id="directorate-note-title">{t('directorate.note.title')}</h2>
      <p className="small muted">{t('directorate.note.hint')}</p>
      <label>
        {t('directorate.note.text')}
        <textarea
          rows={2}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="directorate-note"
        />
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        {t('directorate.note.submit')}
      </button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

function ResolutionCard({ item, mayResolve }: { item: CaseDetail; mayResolve: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useRunner();
  const [text, setText] = useState('');
  const open = isOpen(item.status);
  const proposal = item.resolutionProposal;
  const propose = async () => {
    if (
      await run(
        { caseId: item.id, action: 'proposal', body: { resolutionText: text.trim() } },
        t('directorate.resolution.proposed'),
      )
    ) {
      setText('');
    }
  };
  const send = async () => {
    const ok = await run({ caseId: item.id, action: 'resolve', body: { resolutionText: text.trim() } }, (answer) =>
      (answer as CaseOutcome).notification.status === 'refused'
        ? { ok: false, text: t('directorate.resolution.sentRefused') }
        : { ok: true, text: t('directorate.resolution.sent') },
    );
    if (ok) {
      setText('');
    }
  };
  return (
    <form
      className="card case-subform"
      aria-labelledby="directorate-resolution-title"
      onSubmit={(e) => e.preventDefault()}
    >
      <h2 id="directorate-resolution-title">{t('directorate.resolution.title')}</h2>
      {open ? (
        <>
          <p className="small muted">
            {mayResolve ? t('directorate.resolution.directHint') : t('directorate.resolution.proposeHint')}
          </p>
          {proposal && (
            <p className="small" data-testid="directorate-waiting-proposal">
              {t('directorate.resolution.waiting', { text: proposal.text })}{' '}
              <span className="muted">
                · <RelativeTime iso={proposal.proposedAt} />
              </span>
            </p>
          )}
          <label>
            {t('directorate.resolution.text')}
            <textarea
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="directorate-resolution"
            />
          </label>
          <div className="item-line">
            <button
              type="button"
              className={mayResolve ? 'secondary' : undefined}
              disabled={busy || !text.trim()}
              onClick={() => void propose()}
              data-testid="directorate-propose"
            >
              {t('directorate.resolution.propose')}
            </button>
            {mayResolve && (
              <button
                type="button"
                disabled={busy || !text.trim()}
                onClick={() => void send()}
                data-testid="directorate-send"
              >
                {t('directorate.resolution.send')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="small muted">{t('directorate.resolution.closed')}</p>
      )}
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
