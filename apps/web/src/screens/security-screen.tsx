import { MyCannedResponsesLink } from '../components/admin/my-canned-responses-link';
import { MyMacrosLink } from '../components/macros/my-macros-link';
import { PasskeysPanel } from '../components/security/passkeys-panel';
import { SessionsPanel } from '../components/security/sessions-panel';
import { TotpPanel } from '../components/security/totp-panel';
import { useI18n } from '../i18n/i18n';

/** Güvenlik / Security: the signed-in user's two-factor sign-in and sessions. */
export function SecurityScreen({ enrolmentRequired }: { enrolmentRequired: boolean }) {
  const { t } = useI18n();
  return (
    <div className="security-screen">
      <h1>{t('security.title')}</h1>
      {enrolmentRequired && (
        <p role="alert" className="notice" data-testid="enrolment-required">
          {t('security.enrolmentRequired')}
        </p>
      )}
      <TotpPanel />
      <PasskeysPanel />
      <SessionsPanel />
      {!enrolmentRequired && <MyCannedResponsesLink />}
      {!enrolmentRequired && <MyMacrosLink />}
    </div>
  );
}
