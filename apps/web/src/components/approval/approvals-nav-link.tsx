import { Link } from 'react-router';
import { useReplyDraftsByState } from '../../api/queries/use-reply-drafts';
import { useI18n } from '../../i18n/i18n';
import './approval.css';

/** "Onay bekleyenler (3)" in the top bar: the count of replies waiting for approval. */
export function ApprovalsNavLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const count = useReplyDraftsByState('pending').data?.length ?? 0;
  return (
    <Link
      to="/approvals"
      aria-current={current ? 'page' : undefined}
      className={current ? 'nav-link approvals-link active' : 'nav-link approvals-link'}
      data-testid="approvals-nav"
    >
      {count > 0 ? t('approval.navCount', { count }) : t('approval.nav')}
    </Link>
  );
}
