import type { PublicRequest, PublicRequestStep } from '../api/queries/use-public-intake';
import { usePublicRequest } from '../api/queries/use-public-intake';
import { RelativeTime } from '../components/relative-time';
import type { Language, Translate } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import '../components/public-intake/public-intake.css';

/**
 * A request's public page (/r/:publicId), reachable without signing in from the acknowledgement:
 * its number, type, status and steps as the citizen may see them. The API leaves out every personal
 * detail and rounds the position; this screen shows what it is given.
 */
export function PublicRequestScreen({ publicId }: { publicId: string }) {
  const { t, language, setLanguage } = useI18n();
  const query = usePublicRequest(publicId);
  return (
    <div className="public-request">
      <header className="top-bar">
        <span className="brand" data-user-content={query.data ? true : undefined}>
          {query.data?.organization.name ?? t('app.title')}
        </span>
        <label className="lang">
          <span className="visually-hidden">{t('lang.label')}</span>
          <select
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
            aria-label={t('lang.label')}
          >
            <option value="tr">Türkçe</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main id="main" className="main public-request-main">
        {query.isPending ? (
          <p className="muted" aria-busy="true">
            {t('publicRequest.loading')}
          </p>
        ) : query.isError ? (
          <p role="alert" className="card">
            {t('publicRequest.notFound')}
          </p>
        ) : (
          <PublicRequestCard request={query.data} />
        )}
      </main>
    </div>
  );
}

function PublicRequestCard({ request }: { request: PublicRequest }) {
  const { t, locale } = useI18n();
  const words = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  const when = (iso: string) => (
    <>
      <RelativeTime iso={iso} /> <span className="muted">({words.format(new Date(iso))})</span>
    </>
  );
  const place = request.place;
  return (
    <article className="card" aria-labelledby="public-request-title">
      <h1 id="public-request-title">{t('publicRequest.title', { number: request.caseNumber })}</h1>
      <dl className="public-request-facts">
        <dt>{t('publicRequest.status')}</dt>
        <dd>
          <strong data-testid="public-request-status" data-status={request.status}>
            {t(`publicRequest.status.${request.status}` as MessageKey)}
          </strong>
        </dd>
        <dt>{t('publicRequest.category')}</dt>
        <dd data-user-content>{request.category}</dd>
        {request.department && (
          <>
            <dt>{t('publicRequest.department')}</dt>
            <dd data-user-content>{request.department}</dd>
          </>
        )}
        <dt>{t('publicRequest.opened')}</dt>
        <dd>{when(request.openedAt)}</dd>
        <dt>{t('publicRequest.updated')}</dt>
        <dd>{when(request.updatedAt)}</dd>
        {place && (
          <>
            <dt>{t('publicRequest.place')}</dt>
            <dd>
              {[
                place.label,
                place.latitude !== null && place.longitude !== null
                  ? t('publicRequest.placeApprox', {
                      latitude: place.latitude.toLocaleString(locale, { minimumFractionDigits: 3 }),
                      longitude: place.longitude.toLocaleString(locale, { minimumFractionDigits: 3 }),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('publicRequest.history')}</h2>
      <ol className="public-request-history" data-testid="public-request-history">
        {request.history.map((step, index) => (
          <li key={index} data-kind={step.kind}>
            <span>{stepText(step, t)}</span>
            {step.text && (
              <p className="small">
                {t(step.kind === 'rejected' ? 'publicRequest.reason' : 'publicRequest.resolution', {
                  text: step.text,
                })}
              </p>
            )}
            <span className="small muted"> {words.format(new Date(step.at))}</span>
          </li>
        ))}
      </ol>
      <p className="small muted">{t('publicRequest.privacy')}</p>
    </article>
  );
}

function stepText(step: PublicRequestStep, t: Translate): string {
  if (step.to && step.kind === 'assigned') {
    return t('publicRequest.step.assignedTo', { to: step.to });
  }
  if (step.to && step.kind === 'forwarded') {
    return t('publicRequest.step.forwardedTo', { to: step.to });
  }
  return t(`publicRequest.step.${step.kind}` as MessageKey);
}
