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

/** The reasons the sender and the channels give, each told by one sentence (several codes share one). */
const REASON_WORDS: Record<string, MessageKey> = {
  window_closed_no_template: 'cm.case.reason.window_closed_no_template',
  reply_window_closed: 'cm.case.reason.reply_window_closed',
  window_closed: 'cm.case.reason.reply_window_closed',
  opted_out: 'cm.case.reason.opted_out',
  contact_erased: 'cm.case.reason.contact_erased',
  switched_off: 'cm.case.reason.switched_off',
  no_text: 'cm.case.reason.no_text',
  empty_text: 'cm.case.reason.no_text',
  rate_limited: 'cm.case.reason.rate_limited',
  template_required: 'cm.case.reason.template_problem',
  template_incomplete: 'cm.case.reason.template_problem',
  template_not_supported: 'cm.case.reason.template_problem',
  text_too_long: 'cm.case.reason.text_too_long',
  no_channel: 'cm.case.reason.no_channel',
  no_recipient: 'cm.case.reason.no_channel',
  missing_recipient: 'cm.case.reason.no_channel',
  missing_target: 'cm.case.reason.no_channel',
  no_reply_target: 'cm.case.reason.no_channel',
  unsupported_conversation: 'cm.case.reason.no_channel',
};

/** Why a notice was refused or skipped, as a sentence; never the code. */
export function reasonWords(t: Translate, reason: string | null): string {
  const key = reason ? REASON_WORDS[reason] : undefined;
  return key ? t(key) : t('cm.case.reason.unknown');
}

/** "A variable this message cannot use: {foo}. Available: Request number, Resolution." */
export function unknownPlaceholderWords(t: Translate, unknown: string[], allowed: readonly string[]): string {
  const names = unknown.map((name) => `{${name}}`).join(', ');
  return allowed.length === 0
    ? t('cm.unknownPlaceholderNone', { names })
    : t('cm.unknownPlaceholder', { names, allowed: allowed.map((p, i) => placeholderName(t, p, i)).join(', ') });
}
