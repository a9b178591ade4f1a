import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { components } from '../api/openapi.gen';
import { queryKeys } from '../api/queries/query-keys';
import type { CaseList } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChannelBadge } from './badges';

type ContactProfile = components['schemas']['ContactProfile'];

/** Other conversations looked at for their cases; a citizen with more is rare, the list says how many. */
const CASE_LOOKUPS = 6;

/**
 * The citizen's other conversations (across linked identities, on the accounts the officer may see)
 * and the cases opened from them, so a repeat complaint is recognised without leaving the thread.
 */
export function ContactHistorySection({ contactId, conversationId }: { contactId: string; conversationId: string }) {
  const { t, format } = useI18n();
  const profile = useQuery({
    // Under the conversations prefix: a live event or a change refetches it with the rest.
    queryKey: [...queryKeys.conversations, 'contact', contactId],
    queryFn: () => api.request<ContactProfile>(`/api/v1/contacts/${encodeURIComponent(contactId)}`),
  });
  const others = (profile.data?.conversations ?? []).filter((c) => c.id !== conversationId);
  const caseLists = useQueries({
    queries: others.slice(0, CASE_LOOKUPS).map((c) => ({
      queryKey: queryKeys.conversationCases(c.id),
      queryFn: () => api.request<CaseList>(`/api/v1/cases?conversationId=${encodeURIComponent(c.id)}`),
    })),
  });
  const cases = caseLists.flatMap((q) => q.data?.items ?? []);

  return (
    <section className="details-section" aria-labelledby="contact-history-title" data-testid="contact-history">
      <h3 id="contact-history-title">{t('ws.history.title')}</h3>
      {profile.isError && <p className="muted small">{t('ws.history.unavailable')}</p>}
      {profile.data && others.length === 0 && <p className="muted small">{t('ws.history.none')}</p>}
      {others.length > 0 && (
        <ul className="history-list" aria-label={t('ws.history.conversations')}>
          {others.map((c) => (
            <li key={c.id}>
              <Link to={`/inbox/${c.id}`}>
                <ChannelBadge channel={c.channel} /> {c.account.name}
              </Link>
              <span className="muted small">
                {t(`status.${c.status}`)} · <time dateTime={c.lastActivityAt}>{format.dateTime(c.lastActivityAt)}</time>
              </span>
              {c.lastMessagePreview && <span className="small history-preview">{c.lastMessagePreview}</span>}
            </li>
          ))}
        </ul>
      )}
      {cases.length > 0 && (
        <>
          <h4>{t('ws.history.cases')}</h4>
          <ul className="history-list" aria-label={t('ws.history.cases')}>
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{t('case.number', { number: c.caseNumber })}</Link>
                <span className="small">
                  {c.category.name} · {t(`case.status.${c.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
