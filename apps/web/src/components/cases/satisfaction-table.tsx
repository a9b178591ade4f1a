import { useI18n } from '../../i18n/i18n';

export interface SatisfactionRow {
  key: string;
  name: string;
  average: number | null;
  responseRate: number | null;
  answered: number;
  asked: number;
  notSolved: number;
}

/** One "satisfaction by …" table: average, response rate, answered of asked, said not solved. */
export function SatisfactionTable({
  title,
  rowHeader,
  rows,
  average,
  percent,
}: {
  title: string;
  rowHeader: string;
  rows: SatisfactionRow[];
  average(value: number | null): string;
  percent(share: number | null): string;
}) {
  const { t } = useI18n();
  return (
    <div>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col">{t('satisfaction.average')}</th>
              <th scope="col">{t('satisfaction.responseRate')}</th>
              <th scope="col">{t('satisfaction.answered')}</th>
              <th scope="col">{t('satisfaction.notSolved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{average(row.average)}</td>
                <td>{percent(row.responseRate)}</td>
                <td>{`${row.answered} / ${row.asked}`}</td>
                <td>{row.notSolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
