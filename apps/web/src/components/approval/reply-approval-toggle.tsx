import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ChannelAccountView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** The account's "replies need approval" switch (administrators); the row refreshes once saved. */
export function ReplyApprovalToggle({ account, onChanged }: { account: ChannelAccountView; onChanged(): unknown }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown at once; put back if the change is refused.
  const [on, setOn] = useState(account.repliesNeedApproval);
  useEffect(() => setOn(account.repliesNeedApproval), [account.repliesNeedApproval]);
  const change = async (repliesNeedApproval: boolean) => {
    setBusy(true);
    setError(null);
    setOn(repliesNeedApproval);
    try {
      await api.request(`/api/v1/channel-accounts/${account.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ repliesNeedApproval }),
      });
      await onChanged();
    } catch (e) {
      setOn(!repliesNeedApproval);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <label className="checkbox" title={t('approval.toggleHint')}>
        <input
          type="checkbox"
          checked={on}
          disabled={busy}
          aria-label={t('approval.toggleNamed', { name: account.name })}
          data-testid="approval-toggle"
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        {on ? t('approval.on') : t('approval.off')}
      </label>
      {error && (
        <p role="alert" className="error small">
          {t('common.error', { message: error })}
        </p>
      )}
    </>
  );
}
