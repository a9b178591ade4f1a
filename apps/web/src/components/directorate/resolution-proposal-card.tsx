import { useState } from 'react';
import type { CaseDetail, CaseOutcome } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionFeedback } from '../cases/action-feedback';
import { isOpen } from '../cases/case-states';
import { useCaseRunner } from '../cases/use-case-runner';
import { RelativeTime } from '../relative-time';

/**
 * "Müdürlüğün önerdiği çözüm" on an officer's case page: who proposed it and when, and one action to
 * send it through the case's resolution (which tells the citizen), as written or edited first.
 */
export function ResolutionProposalCard({ item, canWork }: { item: CaseDetail; canWork: boolean }) {
  const { t } = useI18n();
  const { run, feedback, busy } = useCaseRunner();
  const proposal = item.resolutionProposal!;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(proposal.text);
  const allowed = canWork && isOpen(item.status);
  const send = (resolutionText: string) =>
    run({ caseId: item.id, action: 'resolve', body: { resolutionText, notifyCitizen: true } }, (answer) =>
      (answer as CaseOutcome).notification.status === 'refused'
        ? { ok: false, text: t('directorate.proposal.sentRefused') }
        : { ok: true, text: t('directorate.proposal.sent') },
    );
  const name = proposal.byName ?? t('directorate.proposal.unknownName');
  return (
    <section className="card case-proposal" aria-labelledby="proposal-title" data-testid="resolution-proposal">
      <h2 id="proposal-title">{t('directorate.proposal.title')}</h2>
      <p className="small muted">
        <strong data-user-content>{name}</strong>
        {proposal.departmentName && (
          <>
            {' · '}
            <span data-user-content>{proposal.departmentName}</span>
          </>
        )}{' '}
        · <RelativeTime iso={proposal.proposedAt} />
      </p>
      {editing ? (
        <label>
          {t('directorate.proposal.editText')}
          <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="proposal-text" />
        </label>
      ) : (
        <blockquote className="proposal-text" data-user-content>
          {proposal.text}
        </blockquote>
      )}
      {allowed && (
        <div className="item-line">
          {editing ? (
            <>
              <button type="button" disabled={busy || !text.trim()} onClick={() => void send(text.trim())}>
                {t('directorate.proposal.sendEdited')}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                {t('directorate.proposal.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => void send(proposal.text)}
                data-testid="proposal-send"
              >
                {t('directorate.proposal.send')}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                {t('directorate.proposal.edit')}
              </button>
            </>
          )}
        </div>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
