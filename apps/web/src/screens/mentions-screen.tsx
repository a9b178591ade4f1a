import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MentionAuthor, MentionView, MentionVolume, Page } from '../api/types';
import { ChannelBadge } from '../components/badges';
import { MentionSpikes } from '../components/mention-spikes';
import { VolumeChart } from '../components/volume-chart';
import { useI18n } from '../i18n/i18n';
import { Link } from 'react-router';

/** The mayor's office: what people say about the mayor and the municipality, across channels. */
export function MentionsScreen() {
  const { t, formatDateTime } = useI18n();
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  const [volume, setVolume] = useState<MentionVolume | null>(null);
  const [authors, setAuthors] = useState<MentionAuthor[]>([]);
  const [items, setItems] = useState<MentionView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadFeed = useCallback(async (after: string | null) => {
    try {
      const page = await api.request<Page<MentionView>>(`/api/v1/mentions?limit=30${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void loadFeed(null), [loadFeed]);
  useEffect(() => {
    api.request<MentionVolume>(`/api/v1/mentions/volume?bucket=${bucket}`).then(setVolume, (e: Error) => setError(e.message));
  }, [bucket]);
  useEffect(() => {
    api.request<MentionAuthor[]>('/api/v1/mentions/top-authors?limit=10').then(setAuthors, (e: Error) => setError(e.message));
  }, []);

  return (
    <div className="mentions">
      <h1>{t('mentions.title')}</h1>
      {error && <p role="alert" className="error">{t('common.error', { message: error })}</p>}
      <div className="mentions-top">
        <section className="card" aria-labelledby="volume-title">
          <div className="item-line">
            <h2 id="volume-title">{volume ? t(bucket === 'hour' ? 'mentions.volumeHour' : 'mentions.volume', { total: volume.total }) : t('common.loading')}</h2>
            <label>
              <span className="visually-hidden">{t('mentions.bucket')}</span>
              <select aria-label={t('mentions.bucket')} value={bucket} onChange={(e) => setBucket(e.target.value as 'day' | 'hour')}>
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
                <ChannelBadge channel={a.channel} /> {a.name ?? a.handle} {a.handle && <span className="muted">@{a.handle}</span>} · <strong>{a.count}</strong>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <MentionSpikes />
      <section className="card" aria-labelledby="feed-title" data-testid="mention-feed">
        <h2 id="feed-title">{t('mentions.feed')}</h2>
        {items.length === 0 && <p className="muted">{t('mentions.empty')}</p>}
        <ul className="mention-list">
          {items.map((m) => (
            <li key={m.id} className="mention">
              <div className="item-line small">
                <ChannelBadge channel={m.channel} />
                <strong>{m.author.name ?? m.author.handle}</strong>
                {m.author.handle && <span className="muted">@{m.author.handle}</span>}
                <time className="when" dateTime={m.publishedAt}>{formatDateTime(m.publishedAt)}</time>
              </div>
              <p>{m.text}</p>
              <div className="item-line small muted">
                {m.matchedTerms.length > 0 && <span>{t('mentions.terms', { terms: m.matchedTerms.join(', ') })}</span>}
                {m.metrics.reach !== null && <span>{t('mentions.reach', { reach: m.metrics.reach })}</span>}
                {m.conversationId && (
                  <Link to={`/inbox/${m.conversationId}`}>{t('case.openConversation')}</Link>
                )}
                {m.url?.startsWith('https://') && <a href={m.url} target="_blank" rel="noreferrer noopener">{t('mentions.open')}</a>}
              </div>
            </li>
          ))}
        </ul>
        {cursor && <button type="button" className="secondary" onClick={() => void loadFeed(cursor)}>{t('mentions.more')}</button>}
      </section>
    </div>
  );
}
