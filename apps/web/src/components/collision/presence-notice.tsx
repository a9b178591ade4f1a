import { useI18n } from '../../i18n/i18n';
import './collision.css';
import { turkishAlso } from './turkish-also';
import type { PresentOfficer } from './use-conversation-presence';

/** "Ayşe Yılmaz da bu konuşmaya bakıyor" / "Ayşe Yılmaz yazıyor…": the other officers in the conversation. */
export function PresenceNotice({ others }: { others: PresentOfficer[] }) {
  const { t } = useI18n();
  if (others.length === 0) {
    return null;
  }
  const names = (list: PresentOfficer[]) => {
    const all = list.map((o) => o.displayName);
    return all.length === 1 ? all[0] : `${all.slice(0, -1).join(', ')} ${t('collision.and')} ${all[all.length - 1]}`;
  };
  const typing = others.filter((o) => o.state === 'typing');
  const viewing = others.filter((o) => o.state === 'viewing');
  return (
    <div className="presence-notice" role="status" aria-label={t('collision.presenceLabel')} data-testid="presence">
      {typing.length > 0 && (
        <span className="presence-typing" data-testid="presence-typing">
          <span className="presence-dots" aria-hidden="true" />
          {t(typing.length === 1 ? 'collision.typing' : 'collision.typingMany', { names: names(typing) })}
        </span>
      )}
      {viewing.length > 0 && (
        <span className="presence-viewing" data-testid="presence-viewing">
          <span className="presence-dot" aria-hidden="true" />
          {t(`${viewing.length === 1 ? 'collision.viewing' : 'collision.viewingMany'}.${turkishAlso(names(viewing))}`, {
            names: names(viewing),
          })}
        </span>
      )}
    </div>
  );
}
