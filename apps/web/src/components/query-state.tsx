import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Loading and error states of a query in one place: a loading line until the first answer, an
 * alert with a retry when it fails, the children (given the data) otherwise.
 */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <p className="muted" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className="error">
        {t('common.error', { message: query.error.message })}{' '}
        <button type="button" className="link-button small" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
