import type { MentionWatchlist } from '../../api/queries/use-settings';
import { useI18n } from '../../i18n/i18n';
import { HOURLY_MAX_HOURS, MENTION_PERIODS } from './mention-periods';

/** Which watchlist, which period, per day or per hour: every card of the mentions screen follows them. */
export function MentionFilters({
  watchlists,
  watchlistId,
  hours,
  bucket,
  onWatchlist,
  onHours,
  onBucket,
}: {
  watchlists: MentionWatchlist[];
  watchlistId: string | null;
  hours: number;
  bucket: 'day' | 'hour';
  onWatchlist(id: string | null): void;
  onHours(hours: number): void;
  onBucket(bucket: 'day' | 'hour'): void;
}) {
  const { t } = useI18n();
  return (
    <div className="mentions-filters" data-testid="mention-filters">
      <label>
        {t('mayor.filter.watchlist')}
        <select value={watchlistId ?? ''} onChange={(e) => onWatchlist(e.target.value || null)}>
          <option value="">{t('mayor.filter.allWatchlists')}</option>
          {watchlists.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stats.period')}
        <select value={hours} onChange={(e) => onHours(Number(e.target.value))}>
          {MENTION_PERIODS.map((p) => (
            <option key={p.hours} value={p.hours}>
              {t(p.key)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mentions.bucket')}
        <select
          value={bucket}
          disabled={hours > HOURLY_MAX_HOURS}
          onChange={(e) => onBucket(e.target.value as 'day' | 'hour')}
        >
          <option value="day">{t('mentions.byDay')}</option>
          <option value="hour">{t('mentions.byHour')}</option>
        </select>
      </label>
    </div>
  );
}
