import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import type { SessionUser } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DirectorateCaseScreen } from '../../screens/directorate-case-screen';
import { DirectorateScreen } from '../../screens/directorate-screen';
import { SecurityScreen } from '../../screens/security-screen';
import { DirectorateTopBar } from './directorate-top-bar';

/**
 * The whole app for a directorate (müdürlük) user: their department's cases and their own security
 * settings. Any other address lands on the work list; the API refuses everything else anyway.
 */
export function DirectorateApp({ user, enrolmentRequired }: { user: SessionUser; enrolmentRequired: boolean }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const active = enrolmentRequired || pathname.startsWith('/security') ? 'security' : 'work';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <DirectorateTopBar user={user} active={active} />
      <main id="main" className="main">
        {enrolmentRequired ? (
          <SecurityScreen enrolmentRequired />
        ) : (
          <Routes>
            <Route path="directorate" element={<DirectorateScreen />} />
            <Route path="directorate/cases/:id" element={<DirectorateCase />} />
            <Route path="security" element={<SecurityScreen enrolmentRequired={false} />} />
            <Route path="*" element={<Navigate to="/directorate" replace />} />
          </Routes>
        )}
      </main>
    </div>
  );
}

function DirectorateCase() {
  const { id } = useParams();
  return <DirectorateCaseScreen key={id} id={id!} />;
}
