import type { FormEvent } from 'react';
import { useState } from 'react';
import { useChangeHoliday } from '../../api/queries/use-office-hours';
import { useI18n } from '../../i18n/i18n';
import { DateInput } from '../date-input';
import type { PublicHoliday } from './office-hours-types';

/** Add a holiday (holiday null) or change one: date, names in both languages, kind, half day with its closing time. */
export function HolidayForm({
  holiday,
  defaultYear,
  onDone,
}: {
  holiday: PublicHoliday | null;
  defaultYear: number;
  onDone(): void;
}) {
  const { t, language } = useI18n();
  const change = useChangeHoliday();
  const [date, setDate] = useState(holiday?.date ?? '');
  const [nameTr, setNameTr] = useState(holiday?.nameTr ?? '');
  const [nameEn, setNameEn] = useState(holiday?.nameEn ?? '');
  const [kind, setKind] = useState<'national' | 'religious'>(holiday?.kind ?? 'national');
  const [halfDay, setHalfDay] = useState(holiday?.halfDay ?? false);
  const [closesAt, setClosesAt] = useState(holiday?.closesAt ?? '13:00');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { date, nameTr, nameEn, kind, halfDay, closesAt: halfDay ? closesAt : null };
    change.mutate({ id: holiday?.id, input }, { onSuccess: onDone });
  };
  const title = holiday
    ? t('oh.holiday.editing', { name: language === 'tr' ? holiday.nameTr : holiday.nameEn })
    : t('oh.holiday.add');

  return (
    <form className="admin-form" aria-label={title} onSubmit={submit}>
      <h3 className="full">{title}</h3>
      <DateInput
        label={t('oh.holiday.date')}
        value={date}
        onChange={setDate}
        required
        max={`${defaultYear + 10}-12-31`}
      />
      <label>
        {t('oh.holiday.nameTr')}
        <input value={nameTr} required maxLength={120} onChange={(e) => setNameTr(e.target.value)} />
      </label>
      <label>
        {t('oh.holiday.nameEn')}
        <input value={nameEn} required maxLength={120} onChange={(e) => setNameEn(e.target.value)} />
      </label>
      <label>
        {t('oh.holiday.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as 'national' | 'religious')}>
          <option value="national">{t('oh.holiday.kind.national')}</option>
          <option value="religious">{t('oh.holiday.kind.religious')}</option>
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={halfDay} onChange={(e) => setHalfDay(e.target.checked)} />
        {t('oh.holiday.isHalfDay')}
      </label>
      {halfDay && (
        <label>
          {t('oh.holiday.closesAt')}
          <input type="time" value={closesAt} required onChange={(e) => setClosesAt(e.target.value)} />
        </label>
      )}
      {change.isError && (
        <p role="alert" className="error full">
          {t('common.error', { message: change.error.message })}
        </p>
      )}
      <div className="item-line full">
        <button type="submit" disabled={change.isPending}>
          {t('oh.holiday.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('oh.holiday.cancel')}
        </button>
      </div>
    </form>
  );
}
