import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { permissionsOf } from '../../roles';

/** On the profile (Security) screen: where officers keep their personal macros. */
export function MyMacrosLink() {
  const { t } = useI18n();
  const user = api.current?.user;
  if (!user || !permissionsOf(user.roles).work) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="my-macros-title">
      <h2 id="my-macros-title">{t('macros.myTitle')}</h2>
      <p className="muted small">{t('macros.explainOfficer')}</p>
      <Link to="/settings/macros">{t('macros.manage')}</Link>
    </section>
  );
}
