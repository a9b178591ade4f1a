import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { SessionUser } from '../../api/types';
import type { Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';

/**
 * The directorate's top bar: its work list and its own security settings, nothing of the inbox
 * (no conversations, contacts, mentions or live events: the API refuses them to this role).
 */
export function DirectorateTopBar({ user, active }: { user: SessionUser; active: 'work' | 'security' }) {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const link = (path: string, label: string, current: boolean) => (
    <Link to={path} aria-current={current ? 'page' : undefined} className={current ? 'nav-link active' : 'nav-link'}>
      {label}
    </Link>
  );
  return (
    <header className="top-bar">
      <span className="brand">{t('app.title')}</span>
      <nav aria-label={t('nav.main')} className="nav">
        {link('/directorate', t('directorate.nav.work'), active === 'work')}
        {link('/security', t('nav.security'), active === 'security')}
      </nav>
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
