import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useDeadlineWords } from './case-source';

/**
 * A case recorded by hand: the citizen's contact details and consent, and for CİMER the application
 * number, its date and the answer deadline in words. Nothing for a social case.
 */
export function CaseIntakeDetails({ item }: { item: CaseDetail }) {
  const { t, locale } = useI18n();
  const deadline = useDeadlineWords();
  if (item.source === 'social') {
    return null;
  }
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  const citizen = item.citizen;
  return (
    <section className="card" aria-labelledby="intake-title" data-testid="case-intake">
      <h2 id="intake-title">{t('intake.citizenTitle')}</h2>
      {citizen && (citizen.name || citizen.phone || citizen.email) ? (
        <dl className="intake-facts small">
          {citizen.name && (
            <div>
              <dt>{t('intake.name')}</dt>
              <dd data-user-content>{citizen.name}</dd>
            </div>
          )}
          {citizen.phone && (
            <div>
              <dt>{t('intake.phone')}</dt>
              <dd data-user-content>
                <a href={`tel:${citizen.phone}`}>{citizen.phone}</a>
              </dd>
            </div>
          )}
          {citizen.email && (
            <div>
              <dt>{t('intake.email')}</dt>
              <dd data-user-content>
                <a href={`mailto:${citizen.email}`}>{citizen.email}</a>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('intake.citizen')}</dt>
            <dd data-testid="case-consent">{citizen.consent ? t('intake.consentYes') : t('intake.consentNo')}</dd>
          </div>
        </dl>
      ) : (
        <p className="small muted">{t('intake.noContact')}</p>
      )}
      {item.cimer && (
        <dl className="intake-facts small" data-testid="case-cimer">
          <div>
            <dt>{t('intake.cimerNumber')}</dt>
            <dd data-user-content>{item.cimer.applicationNumber}</dd>
          </div>
          <div>
            <dt>{t('intake.cimerApplied')}</dt>
            <dd>{day(item.cimer.applicationDate)}</dd>
          </div>
          <div>
            <dt>{t('intake.cimerDeadline')}</dt>
            <dd data-testid="case-cimer-deadline">
              {deadline(item.cimer.answerDueAt)}
              {item.overdue && item.dueAt === item.cimer.answerDueAt && (
                <span className="overdue"> {t('cases.overdue')}</span>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
