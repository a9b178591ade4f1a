import { ApiError } from '../../api/api-error';
import type {
  CitizenMessageSettings,
  CitizenMessageSettingsUpdate,
  MessageLanguage,
  NoticeKindSettings,
} from './citizen-message-types';

export interface KindDraft {
  enabled: boolean;
  texts: Record<MessageLanguage, string>;
  templateName: string;
  templateLanguage: string;
}

/** What the administrator is editing: the stored settings as plain form values. */
export interface SettingsDraft {
  privacyNoticeUrl: string;
  privacyNoticeOnFirstContact: boolean;
  defaultLanguage: MessageLanguage;
  kinds: Record<string, KindDraft>;
  accounts: Record<string, boolean>;
}

export const kindDraft = (k: NoticeKindSettings): KindDraft => ({
  enabled: k.enabled,
  texts: { tr: k.texts.tr ?? '', en: k.texts.en ?? '' },
  templateName: k.whatsappTemplate?.name ?? '',
  templateLanguage: k.whatsappTemplate?.language ?? '',
});

export function draftOf(settings: CitizenMessageSettings): SettingsDraft {
  return {
    privacyNoticeUrl: settings.privacyNoticeUrl ?? '',
    privacyNoticeOnFirstContact: settings.privacyNoticeOnFirstContact,
    defaultLanguage: settings.defaultLanguage ?? 'tr',
    kinds: Object.fromEntries(settings.kinds.map((k) => [k.kind, kindDraft(k)])),
    accounts: Object.fromEntries(settings.accounts.map((a) => [a.accountId, a.acknowledgeNewConversations])),
  };
}

const sameKind = (a: KindDraft, b: KindDraft) => JSON.stringify(a) === JSON.stringify(b);

/** The kinds whose draft differs from what is stored. */
export function changedKinds(draft: SettingsDraft, saved: SettingsDraft): string[] {
  return Object.keys(draft.kinds).filter(
    (kind) => !saved.kinds[kind] || !sameKind(draft.kinds[kind], saved.kinds[kind]),
  );
}

/** Only what changed, as the PUT body; `count` is the number of changed things, 0 when nothing is. */
export function changesOf(
  draft: SettingsDraft,
  saved: SettingsDraft,
): { body: CitizenMessageSettingsUpdate; count: number } {
  const body: CitizenMessageSettingsUpdate = {};
  let count = 0;
  const url = draft.privacyNoticeUrl.trim();
  if (url !== saved.privacyNoticeUrl.trim()) {
    body.privacyNoticeUrl = url === '' ? null : url;
    count++;
  }
  if (draft.privacyNoticeOnFirstContact !== saved.privacyNoticeOnFirstContact) {
    body.privacyNoticeOnFirstContact = draft.privacyNoticeOnFirstContact;
    count++;
  }
  if (draft.defaultLanguage !== saved.defaultLanguage) {
    body.defaultLanguage = draft.defaultLanguage;
    count++;
  }
  const kinds = changedKinds(draft, saved);
  if (kinds.length > 0) {
    body.kinds = kinds.map((kind) => {
      const k = draft.kinds[kind];
      const name = k.templateName.trim();
      return {
        // Keys of the draft are the kinds the server listed.
        kind: kind as NoticeKindSettings['kind'],
        enabled: k.enabled,
        texts: k.texts,
        whatsappTemplate: name ? { name, language: k.templateLanguage.trim() || 'tr' } : null,
      };
    });
    count += kinds.length;
  }
  const accounts = Object.keys(draft.accounts).filter((id) => draft.accounts[id] !== saved.accounts[id]);
  if (accounts.length > 0) {
    body.accounts = accounts.map((accountId) => ({
      accountId,
      acknowledgeNewConversations: draft.accounts[accountId],
    }));
    count += accounts.length;
  }
  return { body, count };
}

/** A field of the form an error can stand next to. */
export type FieldId = `${string}.text.${MessageLanguage}` | `${string}.template` | 'privacyNoticeUrl';
export const textField = (kind: string, language: MessageLanguage): FieldId => `${kind}.text.${language}`;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The `{name}`s in a text that the kind does not fill (the server refuses them the same way). */
export function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].filter((name) => !allowed.includes(name));
}

/** Per field, what a refused save said about it: the unknown placeholders named (empty: the value itself). */
export type FieldProblems = Partial<Record<FieldId, string[]>>;

/**
 * Which fields a refused save is about, read from the API's validation lines
 * ("kinds.resolved.texts.tr: unknown placeholder {foo} (…)", "privacyNoticeUrl must be …").
 * Null when the error names no field of this form.
 */
export function problemsOfError(error: Error, known: (kind: string) => boolean): FieldProblems | null {
  const body = error instanceof ApiError ? (error.body as { details?: { errors?: unknown } } | null) : null;
  const lines = Array.isArray(body?.details?.errors) ? body.details.errors.map(String) : [];
  const problems: FieldProblems = {};
  for (const line of lines) {
    const text = /^kinds\.(\w+)\.texts\.(tr|en):(.*)$/.exec(line);
    if (text && known(text[1])) {
      const named = /unknown placeholder (.*?)(?: \(|$)/.exec(text[3])?.[1] ?? '';
      problems[textField(text[1], text[2] as MessageLanguage)] = [...named.matchAll(PLACEHOLDER)].map((m) => m[1]);
    } else if (/^kinds\.(\w+)\.whatsappTemplate/.test(line) && known(/^kinds\.(\w+)/.exec(line)![1])) {
      problems[`${/^kinds\.(\w+)/.exec(line)![1]}.template`] = [];
    } else if (line.startsWith('privacyNoticeUrl')) {
      problems.privacyNoticeUrl = [];
    }
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
