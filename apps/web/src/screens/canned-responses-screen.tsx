import { CannedResponsesAdmin } from '../components/admin/canned-responses-admin';
import { useI18n } from '../i18n/i18n';

/** /settings/canned-responses: every officer's own templates (and the shared ones to read); administrators also share. */
export function CannedResponsesScreen({ canShare }: { canShare: boolean }) {
  const { t } = useI18n();
  return (
    <div className="admin">
      <h1>{t('admin.canned.myTitle')}</h1>
      <CannedResponsesAdmin canShare={canShare} />
    </div>
  );
}
