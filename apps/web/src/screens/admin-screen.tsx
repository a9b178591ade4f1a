import { Link } from 'react-router';
import { AccountsAdmin } from '../components/admin/accounts-admin';
import { DepartmentsAdmin } from '../components/admin/departments-admin';
import { RetentionAdmin } from '../components/admin/retention-admin';
import { SingleSignOnAdmin } from '../components/admin/single-sign-on-admin';
import { UsersAdmin } from '../components/admin/users-admin';
import { useI18n } from '../i18n/i18n';

export type AdminTab = 'accounts' | 'users' | 'departments' | 'retention' | 'sso';

/** Administration (administrators only; the API refuses the same calls to everyone else). */
export function AdminScreen({ tab }: { tab: AdminTab }) {
  const { t } = useI18n();
  const link = (to: AdminTab, path: string) => (
    <Link
      to={path}
      aria-current={tab === to ? 'page' : undefined}
      className={tab === to ? 'nav-link active' : 'nav-link'}
    >
      {t(`admin.tab.${to}`)}
    </Link>
  );
  return (
    <div className="admin">
      <div className="item-line">
        <h1>{t('admin.title')}</h1>
        <nav aria-label={t('admin.sections')} className="sub-nav">
          {link('accounts', '/admin')}
          {link('users', '/admin/users')}
          {link('departments', '/admin/departments')}
          {link('retention', '/admin/retention')}
          {link('sso', '/admin/sso')}
        </nav>
      </div>
      {tab === 'accounts' ? (
        <AccountsAdmin />
      ) : tab === 'users' ? (
        <UsersAdmin />
      ) : tab === 'departments' ? (
        <DepartmentsAdmin />
      ) : tab === 'sso' ? (
        <SingleSignOnAdmin />
      ) : (
        <RetentionAdmin />
      )}
    </div>
  );
}
