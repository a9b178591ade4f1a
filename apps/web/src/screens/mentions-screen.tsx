import { useState } from 'react';
import { Link } from 'react-router';
import { useMentionFeed, useMentionVolume, useTopMentionAuthors } from '../api/queries/use-mentions';
import { ChannelBadge } from '../components/badges';
import { MentionSpikes } from '../components/mention-spikes';
import { QueryState } from '../components/query-state';
import { VolumeChart } from '../components/volume-chart';
import { useI18n } from '../i18n/i18n';

/** The mayor's office: what people say about the mayor and the municipality, across channels. */
export function MentionsScreen() {
  const { t, formatDateTime } = useI18n();
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  const volumeQuery = useMentionVolume(bucket);
  const authorsQuery = useTopMentionAuthors();
  const feed = useMentionFeed();
  const volume = volumeQuery.data;
  const authors = authorsQuery.data ?? [];
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const error = volumeQuery.error ?? authorsQuery.error;

  return (
    <div className="mentions">
      <h1>{t('mentions.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error.message })}
        </p>
      )}
      <div className="mentions-top">
        <section className="card" aria-labelledby="volume-title">
          <div className="item-line">
            <h2 id="volume-title">
              {volume
                ? t(bucket === 'hour' ? 'mentions.volumeHour' : 'mentions.volume', { total: volume.total })
                : t('common.loading')}
            </h2>
            <label>
              <span className="visually-hidden">{t('mentions.bucket')}</span>
              <select
                aria-label={t('mentions.bucket')}
                value={bucket}
                onChange={(e) => setBucket(e.target.value as 'day' | 'hour')}
              >
                <option value="day">{t('mentions.byDay')}</option>
                <option value="hour">{t('mentions.byHour')}</option>
              </select>
            </label>
          </div>
          {volume && <VolumeChart volume={volume} />}
        </section>
        <section className="card" aria-labelledby="authors-title">
          <h2 id="authors-title">{t('mentions.topAuthors')}</h2>
          <ol className="authors">
            {authors.map((a) => (
              <li key={`${a.channel}-${a.externalId}`}>
                <ChannelBadge channel={a.channel} /> {a.name ?? a.handle}{' '}
                {a.handle && <span className="muted">@{a.handle}</span>} · <strong>{a.count}</strong>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <MentionSpikes />
      <section className="card" aria-labelledby="feed-title" data-testid="mention-feed">
        <h2 id="feed-title">{t('mentions.feed')}</h2>
        <QueryState query={feed}>
          {() => items.length === 0 && <p className="muted">{t('mentions.empty')}</p>}
        </QueryState>
        <ul className="mention-list">
          {items.map((m) => (
            <li key={m.id} className="mention">
              <div className="item-line small">
                <ChannelBadge channel={m.channel} />
                <strong>{m.author.name ?? m.author.handle}</strong>
                {m.author.handle && <span className="muted">@{m.author.handle}</span>}
                <time className="when" dateTime={m.publishedAt}>
                  {formatDateTime(m.publishedAt)}
                </time>
              </div>
              <p>{m.text}</p>
              <div className="item-line small muted">
                {m.matchedTerms.length > 0 && <span>{t('mentions.terms', { terms: m.matchedTerms.join(', ') })}</span>}
                {m.metrics.reach !== null && <span>{t('mentions.reach', { reach: m.metrics.reach })}</span>}
                {m.conversationId && <Link to={`/inbox/${m.conversationId}`}>{t('case.openConversation')}</Link>}
                {m.url?.startsWith('https://') && (
                  <a href={m.url} target="_blank" rel="noreferrer noopener">
                    {t('mentions.open')}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
        {feed.hasNextPage && (
          <button
            type="button"
            className="secondary"
            disabled={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            {t('mentions.more')}
          </button>
        )}
      </section>
    </div>
  );
}
