import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';

/** The kinds in the order an administrator reads them, grouped by when they are sent. */
export const KIND_GROUPS: { title: MessageKey; kinds: string[] }[] = [
  {
    title: 'cm.group.case',
    kinds: ['case_opened', 'forwarded', 'in_progress', 'resolved', 'rejected', 'body_update'],
  },
  { title: 'cm.group.satisfaction', kinds: ['satisfaction_survey', 'satisfaction_thanks'] },
  {
    title: 'cm.group.replies',
    kinds: ['status_reply', 'out_of_hours', 'opt_out_confirmed', 'conversation_acknowledged'],
  },
];

const KNOWN_KINDS = new Set(KIND_GROUPS.flatMap((g) => g.kinds));

/** A kind in words; a kind this web build does not know yet still gets a name, never its code. */
export function kindName(t: Translate, kind: string): string {
  return KNOWN_KINDS.has(kind) ? t(`cm.kind.${kind}` as MessageKey) : t('cm.kind.other');
}

/** When the kind is sent, in a sentence (empty for a kind this build does not know). */
export function kindWhen(t: Translate, kind: string): string {
  return KNOWN_KINDS.has(kind) ? t(`cm.when.${kind}` as MessageKey) : '';
}

const PLACEHOLDER_LABELS: Record<string, MessageKey> = {
  caseNumber: 'cm.placeholder.caseNumber',
  department: 'cm.placeholder.department',
  body: 'cm.placeholder.body',
  resolution: 'cm.placeholder.resolution',
  reason: 'cm.placeholder.reason',
  status: 'cm.placeholder.status',
  category: 'cm.placeholder.category',
  update: 'cm.placeholder.update',
  organization: 'cm.placeholder.organization',
  name: 'cm.placeholder.name',
  citizenName: 'cm.placeholder.name',
  opensAt: 'cm.placeholder.opensAt',
  privacyNoticeUrl: 'cm.placeholder.privacyNoticeUrl',
  date: 'cm.placeholder.date',
  note: 'cm.placeholder.note',
};

/** A placeholder's name in words ("Başvuru numarası" for caseNumber); the token itself is shown only in the text. */
export function placeholderName(t: Translate, placeholder: string, index: number): string {
  const key = PLACEHOLDER_LABELS[placeholder];
  return key ? t(key) : t('cm.placeholder.other', { n: index + 1 });
}

const REASONS = new Set([
  'window_closed_no_template',
  'window_closed',
  'opted_out',
  'contact_erased',
  'switched_off',
  'no_text',
  'no_channel',
  'rate_limited',
]);

/** Why a notice was refused or skipped, as a sentence; never the code. */
export function reasonWords(t: Translate, reason: string | null): string {
  return reason && REASONS.has(reason) ? t(`cm.case.reason.${reason}` as MessageKey) : t('cm.case.reason.unknown');
}

/** "A variable this message cannot use: {foo}. Available: Request number, Resolution." */
export function unknownPlaceholderWords(t: Translate, unknown: string[], allowed: readonly string[]): string {
  const names = unknown.map((name) => `{${name}}`).join(', ');
  return allowed.length === 0
    ? t('cm.unknownPlaceholderNone', { names })
    : t('cm.unknownPlaceholder', { names, allowed: allowed.map((p, i) => placeholderName(t, p, i)).join(', ') });
}
