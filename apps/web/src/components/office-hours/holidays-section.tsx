import { useState } from 'react';
import { useChangeHoliday, useHolidays } from '../../api/queries/use-office-hours';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { holidayDate } from './holiday-date';
import { HolidayForm } from './holiday-form';
import type { PublicHoliday } from './office-hours-types';

/** The year's holidays, official and the organization's own, each editable; a form adds one. */
export function HolidaysSection() {
  const { t, language } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const query = useHolidays(year);
  const change = useChangeHoliday();
  const [editing, setEditing] = useState<PublicHoliday | 'new' | null>(null);
  const name = (h: PublicHoliday) => (language === 'tr' ? h.nameTr : h.nameEn);
  const remove = (h: PublicHoliday) => {
    if (window.confirm(t('oh.holiday.confirmDelete', { name: name(h), date: holidayDate(h.date, language) }))) {
      change.mutate({ id: h.id, remove: true });
    }
  };
  return (
    <section className="card stack" aria-labelledby="oh-holidays">
      <div className="item-line">
        <h2 id="oh-holidays">{t('oh.holidays')}</h2>
        <label>
          {t('oh.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[2025, 2026, 2027, 2028, 2029, 2030].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setEditing('new')}>
          {t('oh.holiday.add')}
        </button>
      </div>
      <p className="small muted">{t('oh.holidays.explain')}</p>
      {editing && (
        <HolidayForm
          key={editing === 'new' ? 'new' : editing.id}
          holiday={editing === 'new' ? null : editing}
          defaultYear={year}
          onDone={() => setEditing(null)}
        />
      )}
      {change.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: change.error.message })}
        </p>
      )}
      <QueryState query={query}>
        {(holidays) =>
          holidays.length === 0 ? (
            <p className="muted">{t('oh.holidays.none')}</p>
          ) : (
            <table className="office-hours-holidays">
              <caption className="small muted">{t('oh.count', { count: holidays.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('oh.holiday.date')}</th>
                  <th scope="col">{t('oh.holiday.name')}</th>
                  <th scope="col">{t('oh.holiday.kind')}</th>
                  <th scope="col">{t('oh.holiday.hours')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('oh.holiday.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {holidays.map((h) => (
                  <tr key={h.id}>
                    <td>{holidayDate(h.date, language)}</td>
                    <td>
                      <span data-user-content>{name(h)}</span>
                      <div className="small muted">{t(`oh.holiday.source.${h.source}`)}</div>
                    </td>
                    <td>{t(`oh.holiday.kind.${h.kind}`)}</td>
                    <td>{h.halfDay ? t('oh.holiday.halfDay', { time: h.closesAt ?? '' }) : t('oh.holiday.fullDay')}</td>
                    <td className="item-line">
                      <button type="button" className="secondary" onClick={() => setEditing(h)}>
                        {t('oh.holiday.edit')}
                        <span className="visually-hidden"> {name(h)}</span>
                      </button>
                      <button type="button" className="secondary" onClick={() => remove(h)}>
                        {t('oh.holiday.delete')}
                        <span className="visually-hidden"> {name(h)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
