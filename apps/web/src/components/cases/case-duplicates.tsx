import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DuplicateCandidates } from '../../api/queries/use-cases';
import { useCaseDuplicates } from '../../api/queries/use-cases';
import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { QueryState } from '../query-state';
import { ActionFeedback } from './action-feedback';
import { isOpen } from './case-states';
import { useCaseRunner } from './use-case-runner';

type Candidate = DuplicateCandidates['items'][number];

/**
 * Open cases of the same category near this one (GET /cases/:id/duplicates). Merging one folds it
 * into this case: its conversation and citizen follow, it is closed as merged.
 */
export function CaseDuplicates({ item, canWork }: { item: CaseView; canWork: boolean }) {
  const { t, format } = useI18n();
  const open = isOpen(item.status);
  const query = useCaseDuplicates(item.id, open && !!item.location);
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const { run, feedback, busy } = useCaseRunner();

  const confirm = async () => {
    if (!chosen) {
      return;
    }
    await run(
      { caseId: chosen.id, action: 'merge', body: { intoCaseId: item.id } },
      t('cases.done.merge', { number: chosen.caseNumber }),
    );
    dialog.current?.close();
  };

  return (
    <section className="card" aria-labelledby="duplicates-title" data-testid="case-duplicates">
      <h2 id="duplicates-title">{t('cases.duplicates.title')}</h2>
      {!item.location ? (
        <p className="small muted">{t('cases.duplicates.noLocation')}</p>
      ) : !open ? (
        <p className="small muted">{t('cases.duplicates.onlyOpen')}</p>
      ) : (
        <QueryState query={query}>
          {(found) =>
            found.items.length === 0 ? (
              <p className="small muted">
                {t('cases.duplicates.none', {
                  radius: format.number(found.radiusMetres),
                  days: format.number(found.days),
                })}
              </p>
            ) : (
              <ul className="plain-list">
                {found.items.map((d) => (
                  <li key={d.id} className="item-line small" data-testid="duplicate" data-case-number={d.caseNumber}>
                    <Link to={`/cases/${d.id}`}>{t('cases.numberShort', { number: d.caseNumber })}</Link>
                    <span>{d.category.name}</span>
                    <span className="muted">
                      {t('cases.duplicates.distance', { metres: format.number(Math.round(d.distanceMetres)) })}
                    </span>
                    <span className="muted">{t(`cases.status.${d.status}` as MessageKey)}</span>
                    <span className="muted">{format.dateTime(d.createdAt)}</span>
                    <button
                      type="button"
                      className="secondary push"
                      disabled={!canWork}
                      onClick={() => {
                        setChosen(d);
                        dialog.current?.showModal();
                      }}
                    >
                      {t('cases.duplicates.merge')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
      <ActionFeedback feedback={feedback} />
      <dialog ref={dialog} className="case-dialog" aria-labelledby="merge-title" data-testid="merge-dialog">
        <h2 id="merge-title">{t('cases.duplicates.confirmTitle')}</h2>
        {chosen && (
          <p>{t('cases.duplicates.confirmText', { duplicate: chosen.caseNumber, survivor: item.caseNumber })}</p>
        )}
        <div className="item-line">
          <button type="button" disabled={busy} onClick={() => void confirm()}>
            {t('cases.duplicates.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
