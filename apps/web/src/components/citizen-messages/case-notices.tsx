import { Link } from 'react-router';
import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DeliveryTick } from '../delivery-tick';
import { RelativeTime } from '../relative-time';
import type { CaseNotice } from './citizen-message-types';
import { kindName, reasonWords } from './notice-words';
import './citizen-messages.css';

/**
 * Vatandaşa giden otomatik mesajlar: each message the citizen was sent by itself for this case, what
 * it said, when, and whether it arrived; one that could not go says why, in words.
 */
export function CaseNotices({ item, canAdmin }: { item: CaseDetail; canAdmin: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="cm-case-title" data-testid="case-notices">
      <div className="item-line">
        <h2 id="cm-case-title">{t('cm.case.title')}</h2>
        {canAdmin && (
          <Link className="small push" to="/admin/automatic-messages">
            {t('cm.case.settings')}
          </Link>
        )}
      </div>
      {item.notices.length === 0 ? (
        <p className="small muted">{t('cm.case.none')}</p>
      ) : (
        <ol className="cm-notices">
          {item.notices.map((n) => (
            <NoticeItem key={n.id} notice={n} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoticeItem({ notice }: { notice: CaseNotice }) {
  const { t } = useI18n();
  const notTold = notice.state === 'refused' || notice.state === 'skipped';
  return (
    <li
      className={`cm-notice${notTold ? ' not-told' : ''}`}
      data-testid="case-notice"
      data-kind={notice.kind}
      data-state={notice.state}
    >
      <div className="cm-notice-head">
        <strong>{kindName(t, notice.kind)}</strong>
        <RelativeTime iso={notice.createdAt} className="small muted" />
        {!notTold && (
          <DeliveryTick state={notice.state as Exclude<typeof notice.state, 'refused' | 'skipped'>} error={null} />
        )}
      </div>
      {notice.text && <NoticeText text={notice.text} />}
      {(notTold || (notice.state === 'failed' && notice.reason)) && (
        <p className="cm-not-told" data-testid="case-notice-reason">
          {reasonWords(t, notice.reason)}
        </p>
      )}
    </li>
  );
}

/** Outside the 24-hour window the API records a template send as "[name] value | value": said as such. */
const TEMPLATE_SEND = /^\[([^\]]+)\]\s?([\s\S]*)$/;

function NoticeText({ text }: { text: string }) {
  const { t } = useI18n();
  const template = TEMPLATE_SEND.exec(text);
  if (!template) {
    return (
      <p className="cm-notice-text" data-user-content>
        {text}
      </p>
    );
  }
  const values = template[2].split(' | ').filter((v) => v.trim());
  return (
    <div className="cm-notice-text">
      <span className="small muted">
        {t('cm.case.viaTemplate')} <span data-user-content>{template[1]}</span>
      </span>
      {values.length > 0 && <p data-user-content>{values.join(' · ')}</p>}
    </div>
  );
}
