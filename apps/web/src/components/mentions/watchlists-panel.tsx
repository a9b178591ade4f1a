import { useState } from 'react';
import type { MentionWatchlist } from '../../api/queries/use-settings';
import { useI18n } from '../../i18n/i18n';
import { WatchlistsAdmin } from '../admin/watchlists-admin';

/**
 * Watchlists managed where they are used: the mayor's office and administrators edit them from the mentions
 * screen (the API lets both write). Open at first when there is none yet, since nothing is collected until one
 * exists; afterwards it stays as the user leaves it.
 */
export function WatchlistsPanel({ watchlists }: { watchlists: MentionWatchlist[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => watchlists.length === 0);
  return (
    <details
      className="card watchlists-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="watchlists-panel"
    >
      <summary>{t('mayor.watchlists.summary', { count: watchlists.length })}</summary>
      <WatchlistsAdmin />
    </details>
  );
}
