import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { SessionUser } from '../api/types';
import type { Language } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { ApprovalsNavLink } from './approval/approvals-nav-link';
import { AvailabilityToggle } from './teams/availability-toggle';
import { useNewMessageNotifications } from './use-new-message-notifications';

export function TopBar({
  user,
  can,
  active,
}: {
  user: SessionUser;
  can: Permissions;
  active: 'overview' | 'briefing' | 'inbox' | 'approvals' | 'cases' | 'mentions' | 'audit' | 'admin' | 'security';
}) {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  // On every screen: a new message for me is announced wherever the officer is working.
  useNewMessageNotifications(user);
  const link = (path: string, label: string, current: boolean) => (
    <Link to={path} aria-current={current ? 'page' : undefined} className={current ? 'nav-link active' : 'nav-link'}>
      {label}
    </Link>
  );
  return (
    <header className="top-bar">
      <span className="brand">{t('app.title')}</span>
      <nav aria-label={t('nav.main')} className="nav">
        {can.overview && link('/overview', t('mayor.nav.overview'), active === 'overview')}
        {can.overview && link('/briefing', t('briefing.nav'), active === 'briefing')}
        {can.readInbox && link('/inbox', t('nav.inbox'), active === 'inbox')}
        {can.readInbox && <ApprovalsNavLink current={active === 'approvals'} />}
        {can.readInbox && link('/cases', t('nav.cases'), active === 'cases')}
        {can.mentions && link('/mentions', t('nav.mentions'), active === 'mentions')}
        {can.audit && link('/audit', t('nav.audit'), active === 'audit')}
        {can.admin && link('/admin', t('nav.admin'), active === 'admin')}
        {link('/security', t('nav.security'), active === 'security')}
      </nav>
      {can.work && <AvailabilityToggle />}
      {/* The roles go in the tooltip: one line of top bar at 1366 px keeps the screens' full height. */}
      <span className="user" title={`${user.email} · ${user.roles.map((r) => t(`role.${r}`)).join(', ')}`}>
        <span data-user-content>{user.displayName}</span>
      </span>
      <label className="lang">
        <span className="visually-hidden">{t('lang.label')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('lang.label')}>
          <option value="tr">Türkçe</option>
          <option value="en">English</option>
        </select>
      </label>
      <button type="button" className="secondary" onClick={() => void api.signOut().then(() => navigate('/'))}>
        {t('nav.signOut')}
      </button>
    </header>
  );
}
