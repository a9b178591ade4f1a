import { useState } from 'react';
import { useMentionDigest } from '../api/queries/use-mentions';
import { useI18n } from '../i18n/i18n';
import { DateInput } from './date-input';
import { QueryState } from './query-state';

/** Today's date in Istanbul, the day the digest counts in (YYYY-MM-DD). */
function istanbulDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/**
 * Spikes (sudden rises of a watchlist) from the daily digest: the API has no alerts list of its own,
 * and the digest of a day carries the spike alerts opened on it.
 */
export function MentionSpikes() {
  const { t, formatDateTime } = useI18n();
  const [date, setDate] = useState(istanbulDate);
  const query = useMentionDigest(date);
  return (
    <section className="card" aria-labelledby="spikes-title" data-testid="mention-spikes">
      <div className="item-line">
        <h2 id="spikes-title">{t('mentions.spikes')}</h2>
        <DateInput
          className="push"
          hideLabel
          label={t('mentions.digestDay')}
          value={date}
          max={istanbulDate()}
          onChange={setDate}
        />
      </div>
      <QueryState query={query}>
        {({ digest }) => (
          <>
            <p className="small muted">
              {t('mentions.dayTotal', { total: digest.total })}
              {digest.byWatchlist.length > 0 &&
                ` · ${digest.byWatchlist.map((w) => `${w.name}: ${w.count}`).join(', ')}`}
            </p>
            {digest.spikes.length === 0 ? (
              <p className="muted">{t('mentions.noSpikes')}</p>
            ) : (
              <ul className="plain-list">
                {digest.spikes.map((s) => (
                  <li key={s.alertId} className={s.closedAt ? 'spike' : 'spike open'} data-testid="spike">
                    <strong>{s.name}</strong> ·{' '}
                    {t('mentions.spikeCounts', { hour: s.hourCount, peak: s.peakCount, threshold: s.threshold })}
                    <span className="small muted">
                      {' '}
                      · {formatDateTime(s.openedAt)}
                      {s.closedAt ? ` – ${formatDateTime(s.closedAt)}` : ` · ${t('mentions.spikeOngoing')}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
