import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { tr } from '../../i18n/tr';

const isKey = (key: string): key is MessageKey => key in tr;

/**
 * An audit action code ("reply.sent", "case.created") as a sentence in the user's language: the
 * action's own label when the catalogue has one, otherwise what it touched ("Başvuru işlemi").
 * The code itself stays filterable, but is not what an auditor reads.
 */
export function auditActionLabel(t: Translate, action: string): string {
  const own = `audit.act.${action}`;
  if (isKey(own)) {
    return t(own);
  }
  const domain = `audit.domain.${action.split('.')[0]}`;
  return isKey(domain) ? t(domain) : t('audit.domain.other');
}

/** A target type ("case", "mention_digest") as a noun in the user's language. */
export function auditTargetLabel(t: Translate, targetType: string): string {
  const key = `audit.type.${targetType}`;
  return isKey(key) ? t(key) : t('audit.type.other');
}

/** Who did it: a person's name as stored, the system, or a channel ("channel:whatsapp"). */
export function auditActorLabel(t: Translate, label: string | null | undefined): string {
  if (!label || label === 'system') {
    return t('audit.actor.system');
  }
  if (label.startsWith('channel:')) {
    const channel = `channel.${label.slice('channel:'.length)}`;
    return t('audit.actor.channel', { channel: isKey(channel) ? t(channel) : label.slice('channel:'.length) });
  }
  return label;
}
