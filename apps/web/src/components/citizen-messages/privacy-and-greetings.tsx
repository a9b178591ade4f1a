import type { Channel } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import type { AccountGreeting } from './citizen-message-types';
import type { SettingsDraft } from './settings-draft';

/** The privacy notice (aydınlatma metni) link and whether it goes with the first automatic message. */
export function PrivacyNoticeCard({
  draft,
  error,
  onChange,
}: {
  draft: SettingsDraft;
  error: string | null;
  onChange(next: Pick<SettingsDraft, 'privacyNoticeUrl' | 'privacyNoticeOnFirstContact'>): void;
}) {
  const { t } = useI18n();
  const url = draft.privacyNoticeUrl;
  const missingUrl = draft.privacyNoticeOnFirstContact && url.trim() === '';
  const problem = error ?? (missingUrl ? t('cm.privacy.needsUrl') : null);
  return (
    <section className="card cm-side-card" aria-labelledby="cm-privacy-title" data-testid="cm-privacy">
      <h2 id="cm-privacy-title">{t('cm.privacy.title')}</h2>
      <p className="small muted">{t('cm.privacy.explain')}</p>
      <label className="cm-stacked">
        {t('cm.privacy.url')}
        <input
          type="url"
          inputMode="url"
          value={url}
          placeholder={t('admin.form.urlPlaceholder')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'cm-privacy-error' : undefined}
          onChange={(e) => onChange({ ...draft, privacyNoticeUrl: e.target.value })}
        />
      </label>
      {problem && (
        <p id="cm-privacy-error" className="error small" role="alert" data-testid="cm-field-error">
          {problem}
        </p>
      )}
      <label className="cm-switch wide">
        <input
          type="checkbox"
          role="switch"
          checked={draft.privacyNoticeOnFirstContact}
          onChange={(e) => onChange({ ...draft, privacyNoticeOnFirstContact: e.target.checked })}
        />
        <span>{t('cm.privacy.onFirstContact')}</span>
      </label>
      {/^https?:\/\/\S+$/.test(url.trim()) && (
        <p className="small">
          <a href={url.trim()} target="_blank" rel="noreferrer noopener">
            {t('cm.privacy.open')}
          </a>
        </p>
      )}
    </section>
  );
}

/** Per channel account, whether a new conversation gets the greeting. */
export function AccountGreetingsCard({
  accounts,
  draft,
  onChange,
}: {
  accounts: AccountGreeting[];
  draft: SettingsDraft;
  onChange(accountId: string, on: boolean): void;
}) {
  const { t } = useI18n();
  return (
    <section className="card cm-side-card" aria-labelledby="cm-accounts-title" data-testid="cm-accounts">
      <h2 id="cm-accounts-title">{t('cm.accounts.title')}</h2>
      <p className="small muted">{t('cm.accounts.explain')}</p>
      {accounts.length === 0 ? (
        <p className="small">{t('cm.accounts.none')}</p>
      ) : (
        <ul className="cm-accounts">
          {accounts.map((a) => (
            <li key={a.accountId}>
              <span className="cm-account-name">
                <ChannelBadge channel={a.channel as Channel} /> <span data-user-content>{a.name}</span>
              </span>
              <label className="cm-switch compact">
                <input
                  type="checkbox"
                  role="switch"
                  checked={draft.accounts[a.accountId] ?? false}
                  aria-label={t('cm.accounts.greetNamed', { name: a.name })}
                  onChange={(e) => onChange(a.accountId, e.target.checked)}
                />
                <span aria-hidden="true">{draft.accounts[a.accountId] ? t('cm.on') : t('cm.off')}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
