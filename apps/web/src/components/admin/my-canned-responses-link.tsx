import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { permissionsOf } from '../../roles';

/** On the profile (Security) screen: where officers keep their personal canned responses. */
export function MyCannedResponsesLink() {
  const { t } = useI18n();
  const user = api.current?.user;
  if (!user || !permissionsOf(user.roles).work) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="my-canned-title">
      <h2 id="my-canned-title">{t('admin.canned.myTitle')}</h2>
      <p className="muted small">{t('admin.canned.profileHint')}</p>
      <Link to="/settings/canned-responses">{t('admin.canned.manageMine')}</Link>
    </section>
  );
}
