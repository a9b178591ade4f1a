import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The administration screens' table: one header per column, then a last column of row actions; rows come as children. */
export function AdminTable({ testId, headers, children }: { testId: string; headers: string[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="audit-table" data-testid={testId}>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header}>{header}</th>
            ))}
            <th>
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
