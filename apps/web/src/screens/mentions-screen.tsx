import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MentionFilter } from '../api/queries/use-mentions';
import { useWatchlists } from '../api/queries/use-settings';
import { MentionDigestCard } from '../components/mentions/mention-digest-card';
import { MentionFeed } from '../components/mentions/mention-feed';
import { MentionFilters } from '../components/mentions/mention-filters';
import { DEFAULT_PERIOD_HOURS, HOURLY_MAX_HOURS } from '../components/mentions/mention-periods';
import { MentionVolumeCard } from '../components/mentions/mention-volume-card';
import { TopAuthorsCard } from '../components/mentions/top-authors-card';
import { TopTermsCard } from '../components/mentions/top-terms-card';
import { WatchlistsPanel } from '../components/mentions/watchlists-panel';
import '../components/overview/mayor.css';
import { useI18n } from '../i18n/i18n';

/**
 * The mayor's office: what people say about the mayor and the municipality, across channels. The watchlist
 * (in the address, so the overview's spike links here) and the period filter every card but the daily digest.
 */
export function MentionsScreen({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [hours, setHours] = useState(DEFAULT_PERIOD_HOURS);
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  const watchlists = useWatchlists();
  const lists = watchlists.data ?? [];
  const watchlistId = params.get('watchlist');
  const filter: MentionFilter = { watchlistId: lists.some((w) => w.id === watchlistId) ? watchlistId : null, hours };

  const chooseWatchlist = (id: string | null) => setParams(id ? { watchlist: id } : {}, { replace: true });
  const chooseHours = (next: number) => {
    setHours(next);
    // A day reads best by the hour; more than a week cannot be shown by the hour.
    setBucket(next <= 24 ? 'hour' : next > HOURLY_MAX_HOURS ? 'day' : bucket);
  };

  return (
    <div className="mentions">
      <div className="item-line">
        <h1>{t('mentions.title')}</h1>
        {watchlists.data && (
          <MentionFilters
            watchlists={lists}
            watchlistId={filter.watchlistId}
            hours={hours}
            bucket={bucket}
            onWatchlist={chooseWatchlist}
            onHours={chooseHours}
            onBucket={setBucket}
          />
        )}
      </div>
      {watchlists.data && lists.length === 0 && (
        <p className="muted" data-testid="mentions-start">
          {t(canManage ? 'mayor.watchlists.startManager' : 'mayor.watchlists.startReader')}
        </p>
      )}
      {canManage && watchlists.data && <WatchlistsPanel watchlists={lists} />}
      <div className="mentions-columns">
        <div className="mentions-side">
          <MentionVolumeCard filter={filter} bucket={bucket} />
          <MentionFeed filter={filter} watchlists={lists} />
        </div>
        <div className="mentions-side">
          <TopTermsCard filter={filter} />
          <TopAuthorsCard filter={filter} />
          <MentionDigestCard />
        </div>
      </div>
    </div>
  );
}
