import { useOfficeHours } from '../../api/queries/use-office-hours';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { HolidaysSection } from './holidays-section';
import { OutOfHoursAccounts } from './out-of-hours-accounts';
import { WeeklyHoursForm } from './weekly-hours-form';

/** Çalışma saatleri ve tatiller: weekly hours with lunch, time zone, the out-of-hours reply per account, the year's holidays. */
export function OfficeHoursAdmin() {
  const { t } = useI18n();
  const query = useOfficeHours();
  return (
    <div className="stack">
      <p className="small muted">{t('oh.explain')}</p>
      <QueryState query={query}>
        {(settings) => (
          <>
            <WeeklyHoursForm settings={settings} />
            <OutOfHoursAccounts settings={settings} />
          </>
        )}
      </QueryState>
      <HolidaysSection />
    </div>
  );
}
