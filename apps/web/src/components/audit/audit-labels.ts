import type { AuditEventView } from '../../api/types';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { tr } from '../../i18n/tr';

const isKey = (key: string): key is MessageKey => key in tr;

/** Every action code the catalogue names, grouped by what it touches ("case", "auth"…), for the filter. */
export function auditActionGroups(): Array<{ domain: string; actions: string[] }> {
  const groups = new Map<string, string[]>();
  for (const key of Object.keys(tr)) {
    if (key.startsWith('audit.act.')) {
      const action = key.slice('audit.act.'.length);
      const domain = action.split('.')[0];
      groups.set(domain, [...(groups.get(domain) ?? []), action]);
    }
  }
  return [...groups].map(([domain, actions]) => ({ domain, actions }));
}

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
  return auditDomainLabel(t, action.split('.')[0]);
}

export function auditDomainLabel(t: Translate, domain: string): string {
  const key = `audit.domain.${domain}`;
  return isKey(key) ? t(key) : t('audit.domain.other');
}

/** A target type ("case", "mention_digest") as a noun in the user's language. */
export function auditTargetLabel(t: Translate, targetType: string): string {
  const key = `audit.type.${targetType}`;
  return isKey(key) ? t(key) : t('audit.type.other');
}

/** The record types an auditor can filter by: every one the catalogue names. */
export const AUDIT_TARGET_TYPES = Object.keys(tr)
  .filter((key) => key.startsWith('audit.type.') && key !== 'audit.type.other')
  .map((key) => key.slice('audit.type.'.length));

/**
 * Who did it: the user's name today, a deleted user as such (with the e-mail the trail kept), the
 * system, or a channel ("channel:whatsapp").
 */
export function auditActorLabel(
  t: Translate,
  event: Pick<AuditEventView, 'actorLabel' | 'actorUserId' | 'actorName'>,
): string {
  const label = event.actorLabel;
  if (event.actorName) {
    return event.actorName;
  }
  if (event.actorUserId) {
    return label.includes('@') ? t('audit.actor.deleted', { label }) : t('audit.actor.deletedPlain');
  }
  if (!label || label === 'system') {
    return t('audit.actor.system');
  }
  if (label.startsWith('channel:')) {
    const channel = `channel.${label.slice('channel:'.length)}`;
    return t('audit.actor.channel', { channel: isKey(channel) ? t(channel) : label.slice('channel:'.length) });
  }
  return label;
}

export function channelLabel(t: Translate, channel: string | null | undefined): string | null {
  if (!channel) {
    return null;
  }
  const key = `channel.${channel}`;
  return isKey(key) ? t(key) : null;
}
