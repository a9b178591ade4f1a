import { useState } from 'react';
import { useSaveOfficeHours } from '../../api/queries/use-office-hours';
import type { Channel } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import type { OfficeHours } from './office-hours-types';

/** The out-of-hours reply per channel account: on by default, off for a line staffed day and night. */
export function OutOfHoursAccounts({ settings }: { settings: OfficeHours }) {
  const { t } = useI18n();
  const save = useSaveOfficeHours();
  const accounts = settings.outOfHoursReply.accounts;
  // Shown at once; the stored value comes back with the save (and a refusal puts the old one back).
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const toggle = (accountId: string, enabled: boolean) => {
    setShown((s) => ({ ...s, [accountId]: enabled }));
    save.mutate(
      { outOfHoursReply: { accounts: [{ accountId, enabled }] } },
      { onSettled: () => setShown((s) => ({ ...s, [accountId]: undefined as unknown as boolean })) },
    );
  };
  return (
    <section className="card stack" aria-labelledby="oh-replies">
      <h2 id="oh-replies">{t('oh.replies')}</h2>
      <p className="small muted">{t('oh.replies.explain')}</p>
      {accounts.length === 0 && <p className="muted">{t('oh.replies.none')}</p>}
      {accounts.map((a) => (
        <label key={a.accountId} className="checkbox">
          <input
            type="checkbox"
            checked={shown[a.accountId] ?? a.enabled}
            onChange={(e) => toggle(a.accountId, e.target.checked)}
          />
          <ChannelBadge channel={a.channel as Channel} />
          <span data-user-content>{t('oh.replies.on', { name: a.name })}</span>
        </label>
      ))}
      {save.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: save.error.message })}
        </p>
      )}
      <p className="small muted">{t('oh.replies.text')}</p>
    </section>
  );
}
