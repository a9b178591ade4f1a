import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveOfficeHours } from '../../api/queries/use-office-hours';
import { useI18n } from '../../i18n/i18n';
import type { OfficeHours, WeekdayHours } from './office-hours-types';

/** The week as a draft: a day is open with its hours and optional lunch break, or closed. */
export function WeeklyHoursForm({ settings }: { settings: OfficeHours }) {
  const { t } = useI18n();
  const [week, setWeek] = useState<WeekdayHours[]>(settings.weekly);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const save = useSaveOfficeHours();
  const change = (weekday: number, patch: Partial<WeekdayHours>) => {
    // An edit makes the last save's refusal or confirmation out of date.
    save.reset();
    setWeek((days) => days.map((d) => (d.weekday === weekday ? { ...d, ...patch } : d)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const weekly = week.map((d) =>
      d.open
        ? { ...d, lunchStart: d.lunchStart || null, lunchEnd: d.lunchEnd || null }
        : { weekday: d.weekday, open: null, close: null, lunchStart: null, lunchEnd: null },
    );
    save.mutate({ weekly, timeZone }, { onSuccess: (view) => setWeek(view.weekly) });
  };

  return (
    <form className="card stack" aria-labelledby="oh-week" onSubmit={submit}>
      <h2 id="oh-week">{t('oh.week')}</h2>
      <table className="office-hours-week">
        <thead>
          <tr>
            <th scope="col">{t('oh.open')}</th>
            <th scope="col">{t('oh.opens')}</th>
            <th scope="col">{t('oh.closes')}</th>
            <th scope="col">{t('oh.lunchStart')}</th>
            <th scope="col">{t('oh.lunchEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {week.map((d) => {
            const day = t(`oh.day.${d.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`);
            const open = d.open !== null;
            return (
              <tr key={d.weekday}>
                <th scope="row">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={open}
                      onChange={(e) =>
                        change(
                          d.weekday,
                          e.target.checked
                            ? { open: '08:30', close: '17:30', lunchStart: '12:00', lunchEnd: '13:00' }
                            : { open: null, close: null, lunchStart: null, lunchEnd: null },
                        )
                      }
                    />
                    {day}
                  </label>
                </th>
                {open ? (
                  (['open', 'close', 'lunchStart', 'lunchEnd'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="time"
                        aria-label={`${day}: ${t(FIELD_LABEL[field])}`}
                        value={d[field] ?? ''}
                        required={field === 'open' || field === 'close'}
                        onChange={(e) => change(d.weekday, { [field]: e.target.value || null })}
                      />
                    </td>
                  ))
                ) : (
                  <td colSpan={4} className="muted">
                    {t('oh.closedDay')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        {t('oh.timeZone')}
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
      </label>
      {save.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: save.error.message })}
        </p>
      )}
      <div className="item-line">
        <button type="submit" disabled={save.isPending}>
          {t('oh.save')}
        </button>
        {save.isSuccess && <span role="status">{t('oh.saved')}</span>}
      </div>
    </form>
  );
}

const FIELD_LABEL = {
  open: 'oh.opens',
  close: 'oh.closes',
  lunchStart: 'oh.lunchStart',
  lunchEnd: 'oh.lunchEnd',
} as const;
