import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** The list, the map and the statistics are three views of the cases. */
export function CasesNav({ active }: { active: 'board' | 'map' | 'stats' }) {
  const { t } = useI18n();
  const link = (path: string, label: string, current: boolean) => (
    <Link to={path} aria-current={current ? 'page' : undefined} className={current ? 'nav-link active' : 'nav-link'}>
      {label}
    </Link>
  );
  return (
    <nav aria-label={t('case.views')} className="sub-nav">
      {link('/cases', t('cases.list'), active === 'board')}
      {link('/map', t('caseMap.nav'), active === 'map')}
      {link('/cases/stats', t('case.stats'), active === 'stats')}
    </nav>
  );
}
