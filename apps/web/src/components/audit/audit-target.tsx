import { Link } from 'react-router';
import type { AuditEventView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { auditTargetLabel, channelLabel } from './audit-labels';

/**
 * What the event touched, by name, with a link where the product has a page for it: a conversation
 * or a message opens its conversation, a case its case page, a user or an account the admin pages.
 * An erased citizen shows as such (KVKK), a deleted record as gone; never as an id.
 */
export function AuditTarget({ event, canAdmin }: { event: AuditEventView; canAdmin: boolean }) {
  const { t } = useI18n();
  if (!event.targetType) {
    return <span className="muted">{t('common.none')}</span>;
  }
  const type = auditTargetLabel(t, event.targetType);
  const target = event.target;
  if (!target || !target.found) {
    return <span className="muted">{t('audit.target.gone', { type })}</span>;
  }
  const channel = channelLabel(t, target.channel);
  let text: string;
  let to: string | null = null;
  switch (event.targetType) {
    case 'case':
      text = t('audit.target.case', { number: target.caseNumber ?? '', category: target.name ?? '' });
      to = `/cases/${event.targetId}`;
      break;
    case 'conversation':
    case 'message':
      text = target.erased
        ? t('audit.target.erased')
        : target.name
          ? t('audit.target.conversation', { name: target.name })
          : t('audit.target.conversationOn', { channel: channel ?? type });
      to = target.conversationId ? `/inbox/${target.conversationId}` : null;
      break;
    case 'contact':
      text = target.erased ? t('audit.target.erased') : t('audit.target.named', { type, name: target.name ?? '' });
      break;
    case 'user':
      text = t('audit.target.named', { type, name: target.name ?? '' });
      to = canAdmin ? '/admin/users' : null;
      break;
    case 'channel_account':
      text = t('audit.target.named', { type, name: target.name ?? '' });
      to = canAdmin ? '/admin' : null;
      break;
    default:
      text = target.name ? t('audit.target.named', { type, name: target.name }) : type;
  }
  return to ? (
    <Link to={to} data-user-content>
      {text}
    </Link>
  ) : (
    <span data-user-content>{text}</span>
  );
}
