import type { ReactElement } from 'react';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { api } from './api/client';
import { LiveEventsProvider } from './api/queries/live-status';
import { queryClient } from './api/query-client';
import type { SessionUser, TokenResponse } from './api/types';
import { DirectorateApp } from './components/directorate/directorate-app';
import { TopBar } from './components/top-bar';
import { useI18n } from './i18n/i18n';
import type { Permissions } from './roles';
import { homePath, isDirectorateOnly, permissionsOf } from './roles';
import { ADMIN_TABS, AdminScreen } from './screens/admin-screen';
import { ApprovalsScreen } from './screens/approvals-screen';
import { AuditScreen } from './screens/audit-screen';
import { BriefingScreen } from './screens/briefing-screen';
import { CannedResponsesScreen } from './screens/canned-responses-screen';
import { CaseDetailScreen } from './screens/case-detail-screen';
import { CaseMapScreen } from './screens/case-map-screen';
import { CaseStatsScreen } from './screens/case-stats-screen';
import { CasesScreen } from './screens/cases-screen';
import { InboxScreen } from './screens/inbox-screen';
import { MacrosScreen } from './screens/macros-screen';
import { MentionsScreen } from './screens/mentions-screen';
import { OverviewScreen } from './screens/overview-screen';
import { PublicRequestScreen } from './screens/public-request-screen';
import { SecurityScreen } from './screens/security-screen';
import { SignInScreen } from './screens/sign-in-screen';

type Section = 'overview' | 'briefing' | 'inbox' | 'approvals' | 'cases' | 'mentions' | 'audit' | 'admin' | 'security';

/**
 * Every screen has a URL. Signed out, any URL shows the sign-in form and stays in the address bar,
 * so a pasted link to a case opens that case once the officer has signed in.
 */
export function App() {
  const [session, setSession] = useState<TokenResponse | null>(api.current);
  const { pathname } = useLocation();
  const { t } = useI18n();
  useEffect(
    () =>
      api.onChange((next) => {
        // Nothing cached for one user is shown to the next one on this computer.
        if (!next) {
          queryClient.clear();
        }
        setSession(next);
      }),
    [],
  );

  // A request's public page (the acknowledgement links to it): no sign-in, whoever opens it.
  const publicRequest = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (publicRequest) {
    return <PublicRequestScreen publicId={publicRequest[1]} />;
  }
  if (!session) {
    return <SignInScreen />;
  }
  const { user } = session;
  const can = permissionsOf(user.roles);
  // A user who must enrol in two-factor can do nothing else until enrolled (the API refuses the rest).
  const enrolmentRequired = !!user.twoFactorEnrolmentRequired;
  // A directorate (müdürlük) user gets only their department's workspace: no inbox, contacts or live events.
  if (isDirectorateOnly(user.roles)) {
    return <DirectorateApp user={user} enrolmentRequired={enrolmentRequired} />;
  }
  const home = homePath(user.roles);
  const first = pathname.split('/')[1] || home.slice(1);
  // The map is a view of the cases: the top bar marks Başvurular there.
  const section = (first === 'map' ? 'cases' : first) as Section;
  const only = (allowed: boolean, element: ReactElement) => (allowed ? element : <Navigate to={home} replace />);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <TopBar user={user} can={can} active={enrolmentRequired ? 'security' : section} />
      <main id="main" className="main">
        {enrolmentRequired ? (
          <SecurityScreen enrolmentRequired />
        ) : (
          <LiveEventsProvider>
            <Routes>
              <Route index element={<Navigate to={home} replace />} />
              <Route path="overview" element={only(can.overview, <OverviewScreen />)} />
              <Route path="briefing" element={only(can.overview, <BriefingScreen />)} />
              <Route path="inbox" element={<Inbox user={user} can={can} />} />
              <Route path="inbox/:conversationId" element={<Inbox user={user} can={can} />} />
              {/* Links from before the inbox had its own prefix. */}
              <Route path="conversations/:conversationId" element={<LegacyConversation />} />
              <Route path="approvals" element={only(can.readInbox, <ApprovalsScreen user={user} />)} />
              <Route path="cases" element={only(can.readInbox, <CasesScreen />)} />
              <Route path="cases/stats" element={only(can.readInbox, <CaseStatsScreen />)} />
              <Route path="map" element={only(can.readInbox, <CaseMapScreen />)} />
              <Route path="cases/:id" element={only(can.readInbox, <CaseDetail can={can} />)} />
              <Route path="mentions" element={only(can.mentions, <MentionsScreen canManage={can.manageMentions} />)} />
              <Route path="audit" element={only(can.audit, <AuditScreen />)} />
              <Route path="admin" element={only(can.admin, <AdminScreen tab="accounts" />)} />
              <Route path="admin/:tab" element={only(can.admin, <Admin />)} />
              <Route path="security" element={<SecurityScreen enrolmentRequired={false} />} />
              <Route
                path="settings/canned-responses"
                element={only(can.work, <CannedResponsesScreen canShare={can.admin} />)}
              />
              <Route path="settings/macros" element={only(can.work, <MacrosScreen />)} />
              <Route path="*" element={<Navigate to={home} replace />} />
            </Routes>
          </LiveEventsProvider>
        )}
      </main>
    </div>
  );
}

function Inbox({ user, can }: { user: SessionUser; can: Permissions }) {
  const { conversationId } = useParams();
  return <InboxScreen user={user} can={can} selectedId={conversationId ?? null} />;
}

function LegacyConversation() {
  const { conversationId } = useParams();
  return <Navigate to={`/inbox/${conversationId}`} replace />;
}

function CaseDetail({ can }: { can: Permissions }) {
  const { id } = useParams();
  return <CaseDetailScreen key={id} id={id!} can={can} />;
}

function Admin() {
  const { tab } = useParams();
  const known = ADMIN_TABS.find((t) => t === tab);
  return known ? <AdminScreen tab={known} /> : <Navigate to="/admin" replace />;
}
