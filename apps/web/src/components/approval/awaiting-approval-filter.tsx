import { useReplyDraftsByState } from '../../api/queries/use-reply-drafts';
import { useI18n } from '../../i18n/i18n';

/** "Onay bekleyenler (3)": only conversations with a reply held for approval; hidden while none waits. */
export function AwaitingApprovalFilter({ checked, onChange }: { checked: boolean; onChange(on: boolean): void }) {
  const { t } = useI18n();
  const count = useReplyDraftsByState('pending').data?.length ?? 0;
  if (count === 0 && !checked) {
    return null;
  }
  return (
    <label className="checkbox" data-testid="awaiting-approval-filter">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {count > 0 ? t('approval.filterCount', { count }) : t('approval.filter')}
    </label>
  );
}
