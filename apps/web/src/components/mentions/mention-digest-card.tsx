import { useState } from 'react';
import { useMentionDigest } from '../../api/queries/use-mentions';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { DateInput } from '../date-input';
import { QueryState } from '../query-state';

/** A day in Istanbul, the clock the digest counts in (yyyy-mm-dd). */
function istanbulDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/**
 * The daily digest the worker sends at 08:00 (or, for a day not yet digested, computed now): the day's count
 * per watchlist and channel, the posts that reached most people, and the spikes opened that day.
 */
export function MentionDigestCard() {
  const { t, format } = useI18n();
  const [date, setDate] = useState(() => istanbulDate());
  const query = useMentionDigest(date);
  return (
    <section className="card" aria-labelledby="digest-title" data-testid="mention-digest">
      <div className="item-line">
        <h2 id="digest-title">{t('mayor.digest.title')}</h2>
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
        {({ digest, stored, createdAt }) => (
          <>
            <p className="small muted">
              {stored && createdAt
                ? t('mayor.digest.stored', { at: format.dateTime(createdAt) })
                : t('mayor.digest.live')}
            </p>
            <p data-testid="digest-total">
              <strong>{t('mentions.dayTotal', { total: format.number(digest.total) })}</strong>
            </p>
            {digest.byWatchlist.length > 0 && (
              <ul className="term-cloud">
                {digest.byWatchlist.map((w) => (
                  <li key={w.watchlistId}>
                    <span data-user-content>{w.name}</span>
                    <strong>{format.number(w.count)}</strong>
                  </li>
                ))}
              </ul>
            )}
            {digest.byChannel.length > 0 && (
              <p className="small">
                {digest.byChannel.map((c) => (
                  <span key={c.channel} className="digest-channel">
                    <ChannelBadge channel={c.channel} /> {format.number(c.count)}{' '}
                  </span>
                ))}
              </p>
            )}
            <div data-testid="mention-spikes">
              <h3 className="small">{t('mentions.spikes')}</h3>
              {digest.spikes.length === 0 ? (
                <p className="muted small">{t('mentions.noSpikes')}</p>
              ) : (
                <ul className="plain-list">
                  {digest.spikes.map((s) => (
                    <li key={s.alertId} className={s.closedAt ? 'spike' : 'spike open'} data-testid="spike">
                      <strong data-user-content>{s.name}</strong> ·{' '}
                      {t('mentions.spikeCounts', {
                        hour: format.number(s.hourCount),
                        peak: format.number(s.peakCount),
                        threshold: format.number(Math.ceil(s.threshold)),
                      })}
                      <span className="small muted">
                        {' '}
                        · {format.dateTime(s.openedAt)}
                        {s.closedAt ? ` – ${format.dateTime(s.closedAt)}` : ` · ${t('mentions.spikeOngoing')}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {digest.topPosts.length > 0 && (
              <>
                <h3 className="small">{t('mayor.digest.topPosts')}</h3>
                <ul className="digest-posts">
                  {digest.topPosts.map((post) => (
                    <li key={post.id} className="small">
                      <ChannelBadge channel={post.channel} />{' '}
                      <strong data-user-content>{post.authorName ?? post.authorHandle}</strong>{' '}
                      <span className="muted">{format.time(post.publishedAt)}</span>
                      {post.reach !== null && (
                        <span className="muted"> · {t('mentions.reach', { reach: format.number(post.reach) })}</span>
                      )}
                      <p data-user-content>{post.text}</p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
