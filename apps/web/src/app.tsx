import { useEffect, useState } from 'react';
import { api } from './api/client';
import type { TokenResponse } from './api/types';
import { useI18n } from './i18n/i18n';
import { permissionsOf } from './roles';
import { navigate, usePath } from './router';
import { AdminScreen, AdminTab } from './screens/admin-screen';
import { AuditScreen } from './screens/audit-screen';
import { CaseDetailScreen } from './screens/case-detail-screen';
import { CaseStatsScreen } from './screens/case-stats-screen';
import { CasesScreen } from './screens/cases-screen';
import { InboxScreen } from './screens/inbox-screen';
import { MentionsScreen } from './screens/mentions-screen';
import { SecurityScreen } from './screens/security-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { TopBar } from './components/top-bar';

export function App() {
  const [session, setSession] = useState<TokenResponse | null>(api.current);
  const path = usePath();
  const { t } = useI18n();
  useEffect(() => api.onChange(setSession), []);

  if (!session) return <SignInScreen />;
  const can = permissionsOf(session.user.roles);
  const onAudit = path.startsWith('/audit') && can.audit;
  const onCases = path.startsWith('/cases') && can.readInbox;
  const onMentions = path.startsWith('/mentions') && can.mentions;
  const onAdmin = path.startsWith('/admin') && can.admin;
  // A user who must enrol in two-factor can do nothing else until enrolled (the API refuses the rest).
  const onSecurity = path.startsWith('/security') || !!session.user.twoFactorEnrolmentRequired;
  const caseId = /^\/cases\/([0-9a-f-]{36})/.exec(path)?.[1] ?? null;
  const conversationId = /^\/conversations\/([0-9a-f-]{36})/.exec(path)?.[1] ?? null;
  if ((path.startsWith('/audit') && !can.audit) || (path.startsWith('/admin') && !can.admin)) navigate('/');
  const active = onSecurity ? 'security' : onAudit ? 'audit' : onCases ? 'cases' : onMentions ? 'mentions' : onAdmin ? 'admin' : 'inbox';
  const screen = onSecurity ? (
    <SecurityScreen enrolmentRequired={!!session.user.twoFactorEnrolmentRequired} />
  ) : onAudit ? (
    <AuditScreen />
  ) : onAdmin ? (
    <AdminScreen tab={adminTab(path)} />
  ) : onCases ? (
    caseId ? <CaseDetailScreen id={caseId} can={can} /> : path.startsWith('/cases/stats') ? <CaseStatsScreen /> : <CasesScreen />
  ) : onMentions ? (
    <MentionsScreen />
  ) : (
    <InboxScreen user={session.user} can={can} selectedId={conversationId} />
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <TopBar user={session.user} can={can} active={active} />
      <main id="main" className="main">
        {screen}
      </main>
    </div>
  );
}

/** The administration tab a path opens (/admin is the channel accounts). */
function adminTab(path: string): AdminTab {
  for (const tab of ['users', 'departments', 'retention', 'sso'] as const) if (path.startsWith(`/admin/${tab}`)) return tab;
  return 'accounts';
}
