import { useEffect, useState } from 'react';
import { CHANNELS } from '../api/channels';
import type { ChannelAccountView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Filters } from '../screens/inbox-query';
import { AwaitingApprovalFilter } from './approval/awaiting-approval-filter';
import { TeamFilter } from './teams/team-filter';

const LANGUAGES = ['tr', 'ku', 'ar', 'en', 'other'] as const;
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

interface Props {
  filters: Filters;
  accounts: ChannelAccountView[];
  onChange(next: Filters): void;
}

/**
 * Search, channel, account, status, assignee, team, unread, awaiting approval, urgency, language and
 * sentiment; the search waits for a pause in typing.
 */
export function InboxFilters({ filters, accounts, onChange }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(filters.q);
  useEffect(() => {
    // Search as the officer types, without a request per keystroke.
    const timer = setTimeout(() => {
      if (filters.q !== search) {
        onChange({ ...filters, q: search });
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filters, onChange]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });

  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="search">
        <span className="visually-hidden">{t('filters.search')}</span>
        <input
          type="search"
          aria-label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      <label>
        <span className="visually-hidden">{t('filters.channel')}</span>
        <select
          aria-label={t('filters.channel')}
          value={filters.channel}
          onChange={(e) => set('channel', e.target.value)}
        >
          <option value="">
            {t('filters.channel')}: {t('filters.all')}
          </option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filters.account')}</span>
        <select
          aria-label={t('filters.account')}
          value={filters.accountId}
          onChange={(e) => set('accountId', e.target.value)}
        >
          <option value="">
            {t('filters.account')}: {t('filters.all')}
          </option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {t(`channel.${a.channel}`)} · {a.ownerLabel ?? ''} · {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filters.status')}</span>
        <select aria-label={t('filters.status')} value={filters.status} onChange={(e) => set('status', e.target.value)}>
          <option value="">
            {t('filters.status')}: {t('filters.all')}
          </option>
          {(['open', 'pending', 'resolved', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filters.assignee')}</span>
        <select
          aria-label={t('filters.assignee')}
          value={filters.assignee}
          onChange={(e) => set('assignee', e.target.value)}
        >
          <option value="">
            {t('filters.assignee')}: {t('filters.all')}
          </option>
          <option value="me">{t('filters.me')}</option>
          <option value="nobody">{t('filters.nobody')}</option>
        </select>
      </label>
      <TeamFilter value={filters.team} onChange={(team) => set('team', team)} />
      <label className="checkbox">
        <input type="checkbox" checked={filters.unread} onChange={(e) => set('unread', e.target.checked)} />
        {t('filters.unread')}
      </label>
      <AwaitingApprovalFilter checked={filters.awaitingApproval} onChange={(on) => set('awaitingApproval', on)} />
      <label className="checkbox urgent-filter">
        <input type="checkbox" checked={filters.urgent} onChange={(e) => set('urgent', e.target.checked)} />
        {t('filters.urgentOnly')}
      </label>
      <label>
        <span className="visually-hidden">{t('filters.language')}</span>
        <select
          aria-label={t('filters.language')}
          value={filters.language}
          onChange={(e) => set('language', e.target.value)}
        >
          <option value="">
            {t('filters.language')}: {t('filters.all')}
          </option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`readings.language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('filters.sentiment')}</span>
        <select
          aria-label={t('filters.sentiment')}
          value={filters.sentiment}
          onChange={(e) => set('sentiment', e.target.value)}
        >
          <option value="">
            {t('filters.sentiment')}: {t('filters.all')}
          </option>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`readings.sentiment.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
