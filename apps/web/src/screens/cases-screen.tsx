import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CaseView } from '../api/types';
import { CaseCard } from '../components/case-card';
import { ChannelBadge } from '../components/badges';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { navigate } from '../router';

const OPEN = 'new,assigned,in_progress,forwarded';

export function CasesScreen({ can }: { can: Permissions }) {
  const { t } = useI18n();
  const [status, setStatus] = useState(OPEN);
  const [items, setItems] = useState<CaseView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const page = await api.request<{ items: CaseView[] }>(`/api/v1/cases?limit=200${status ? `&status=${status}` : ''}`);
      setItems(page.items);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [status]);
  useEffect(() => void load(), [load]);

  return (
    <div className="cases">
      <div className="item-line">
        <h1>{t('case.title')}</h1>
        <label>
          <span className="visually-hidden">{t('case.filterStatus')}</span>
          <select aria-label={t('case.filterStatus')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value={OPEN}>{t('case.openOnly')}</option>
            <option value="">{t('filters.all')}</option>
            {(['new', 'assigned', 'in_progress', 'forwarded', 'resolved', 'rejected'] as const).map((s) => <option key={s} value={s}>{t(`case.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {error && <p role="alert" className="error">{t('common.error', { message: error })}</p>}
      {items.length === 0 && <p className="muted">{t('case.empty')}</p>}
      <div className="case-grid" data-testid="case-list">
        {items.map((c) => (
          <CaseCard key={c.id} item={c} canWork={can.work} onChanged={() => void load()}>
            <p className="item-line small">
              <ChannelBadge channel={c.channel} />
              <span>{c.contact?.name ?? c.contact?.handle ?? ''}</span>
              <a href={`/conversations/${c.conversationId}`} onClick={(e) => { e.preventDefault(); navigate(`/conversations/${c.conversationId}`); }}>
                {t('case.openConversation')}
              </a>
            </p>
          </CaseCard>
        ))}
      </div>
    </div>
  );
}
