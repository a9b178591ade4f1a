import { Link } from 'react-router';
import { AccountsAdmin } from '../components/admin/accounts-admin';
import { CannedResponsesAdmin } from '../components/admin/canned-responses-admin';
import { CaseCategoriesAdmin } from '../components/admin/case-categories-admin';
import { DepartmentsAdmin } from '../components/admin/departments-admin';
import { RetentionAdmin } from '../components/admin/retention-admin';
import { RoutingRulesAdmin } from '../components/admin/routing-rules-admin';
import { SingleSignOnAdmin } from '../components/admin/single-sign-on-admin';
import { UsersAdmin } from '../components/admin/users-admin';
import { WatchlistsAdmin } from '../components/admin/watchlists-admin';
import { AutomationRulesAdmin } from '../components/automation-rules/automation-rules-admin';
import { AutomaticMessagesAdmin } from '../components/citizen-messages/automatic-messages-admin';
import { MacrosAdmin } from '../components/macros/macros-admin';
import { NeighbourhoodsAdmin } from '../components/neighbourhoods/neighbourhoods-admin';
import { OfficeHoursAdmin } from '../components/office-hours/office-hours-admin';
import { PublicDataAdmin } from '../components/public-intake/public-data-admin';
import { ReadingsAdmin } from '../components/readings/readings-admin';
import { TeamsAdmin } from '../components/teams/teams-admin';
import { useI18n } from '../i18n/i18n';

export type AdminTab =
  | 'accounts'
  | 'users'
  | 'departments'
  | 'categories'
  | 'routing-rules'
  | 'canned-responses'
  | 'macros'
  | 'automatic-messages'
  | 'office-hours'
  | 'automation-rules'
  | 'readings'
  | 'teams'
  | 'neighbourhoods'
  | 'watchlists'
  | 'retention'
  | 'public-data'
  | 'sso';

/** The tabs in the order shown; each is /admin/<tab> (accounts is /admin). */
export const ADMIN_TABS: readonly AdminTab[] = [
  'accounts',
  'users',
  'departments',
  'categories',
  'routing-rules',
  'canned-responses',
  'macros',
  'automatic-messages',
  'office-hours',
  'automation-rules',
  'readings',
  'teams',
  'neighbourhoods',
  'watchlists',
  'retention',
  'public-data',
  'sso',
];

/** Administration (administrators only; the API refuses the same calls to everyone else). */
export function AdminScreen({ tab }: { tab: AdminTab }) {
  const { t } = useI18n();
  return (
    <div className="admin">
      <div className="item-line">
        <h1>{t('admin.title')}</h1>
        <nav aria-label={t('admin.sections')} className="sub-nav">
          {ADMIN_TABS.map((to) => (
            <Link
              key={to}
              to={to === 'accounts' ? '/admin' : `/admin/${to}`}
              aria-current={tab === to ? 'page' : undefined}
              className={tab === to ? 'nav-link active' : 'nav-link'}
            >
              {t(`admin.tab.${to}`)}
            </Link>
          ))}
        </nav>
      </div>
      <AdminPanel tab={tab} />
    </div>
  );
}

function AdminPanel({ tab }: { tab: AdminTab }) {
  switch (tab) {
    case 'accounts':
      return <AccountsAdmin />;
    case 'users':
      return <UsersAdmin />;
    case 'departments':
      return <DepartmentsAdmin />;
    case 'categories':
      return <CaseCategoriesAdmin />;
    case 'routing-rules':
      return <RoutingRulesAdmin />;
    case 'canned-responses':
      return <CannedResponsesAdmin canShare />;
    case 'macros':
      return <MacrosAdmin scope="shared" />;
    case 'automatic-messages':
      return <AutomaticMessagesAdmin />;
    case 'office-hours':
      return <OfficeHoursAdmin />;
    case 'automation-rules':
      return <AutomationRulesAdmin />;
    case 'readings':
      return <ReadingsAdmin />;
    case 'teams':
      return <TeamsAdmin />;
    case 'neighbourhoods':
      return <NeighbourhoodsAdmin />;
    case 'watchlists':
      return <WatchlistsAdmin />;
    case 'sso':
      return <SingleSignOnAdmin />;
    case 'retention':
      return <RetentionAdmin />;
    case 'public-data':
      return <PublicDataAdmin />;
  }
}
