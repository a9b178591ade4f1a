import { useState } from 'react';
import { Link } from 'react-router';
import type { MentionFilter } from '../../api/queries/use-mentions';
import { useMentionFeed } from '../../api/queries/use-mentions';
import type { MentionWatchlist } from '../../api/queries/use-settings';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** The matching public posts, newest first; a post from the inbox links to its conversation. */
export function MentionFeed({ filter, watchlists }: { filter: MentionFilter; watchlists: MentionWatchlist[] }) {
  const { t, format } = useI18n();
  const [sentiment, setSentiment] = useState<string | null>(null);
  const feed = useMentionFeed(filter, sentiment);
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const listName = (id: string) => watchlists.find((w) => w.id === id)?.name;
  return (
    <section className="card" aria-labelledby="feed-title" data-testid="mention-feed">
      <div className="item-line">
        <h2 id="feed-title">{t('mentions.feed')}</h2>
        <label className="small">
          {t('mayor.feed.sentiment')}{' '}
          <select
            value={sentiment ?? ''}
            onChange={(e) => setSentiment(e.target.value || null)}
            data-testid="mention-sentiment-filter"
          >
            <option value="">{t('mayor.feed.sentiment.all')}</option>
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`mayor.feed.sentiment.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={feed}>{() => items.length === 0 && <p className="muted">{t('mentions.empty')}</p>}</QueryState>
      <ul className="mention-list">
        {items.map((m) => (
          <li key={m.id} className="mention" data-testid="mention">
            <div className="item-line small">
              <ChannelBadge channel={m.channel} />
              <strong data-user-content>{m.author.name ?? m.author.handle}</strong>
              {m.author.handle && (
                <span className="muted" data-user-content>
                  @{m.author.handle}
                </span>
              )}
              {m.sentiment && m.sentiment !== 'neutral' && (
                <span className={`chip sentiment-${m.sentiment}`} data-testid="mention-sentiment">
                  {t(`mayor.feed.sentiment.${m.sentiment}`)}
                </span>
              )}
              <time className="when" dateTime={m.publishedAt}>
                {format.dateTime(m.publishedAt)}
              </time>
            </div>
            <p data-user-content>{m.text}</p>
            <div className="item-line small muted">
              {!filter.watchlistId && listName(m.watchlistId) && (
                <span>
                  {t('mayor.feed.list')} <span data-user-content>{listName(m.watchlistId)}</span>
                </span>
              )}
              {m.matchedTerms.length > 0 && (
                <span>
                  {t('mayor.feed.matched')} <span data-user-content>{m.matchedTerms.join(', ')}</span>
                </span>
              )}
              {m.metrics.reach !== null && (
                <span>{t('mentions.reach', { reach: format.number(m.metrics.reach) })}</span>
              )}
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
  );
}
