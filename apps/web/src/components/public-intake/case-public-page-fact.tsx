import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** On a case: the link to the request's public page, while the organization publishes public data. */
export function CasePublicPageFact({ item }: { item: Pick<CaseView, 'publicId'> }) {
  const { t } = useI18n();
  const settings = useQuery({
    queryKey: ['public-data', 'settings'],
    queryFn: () => api.request<{ publicData: boolean }>('/api/v1/case-settings/public'),
    staleTime: 60_000,
  });
  if (!settings.data?.publicData) {
    return null;
  }
  return (
    <div>
      <dt>{t('publicRequest.caseFact')}</dt>
      <dd>
        <a href={`/r/${item.publicId}`} target="_blank" rel="noopener noreferrer" data-testid="case-public-page">
          {t('publicRequest.caseLink')}
        </a>
      </dd>
    </div>
  );
}
