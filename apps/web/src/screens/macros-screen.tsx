import { MacrosAdmin } from '../components/macros/macros-admin';
import { useI18n } from '../i18n/i18n';

/** /settings/macros: every officer's own macros (and the shared ones to read); administrators also share. */
export function MacrosScreen() {
  const { t } = useI18n();
  return (
    <div className="admin">
      <h1>{t('macros.myTitle')}</h1>
      <MacrosAdmin scope="mine" />
    </div>
  );
}
