import type { EffectiveNoticeSettings, NoticeKindSettings } from '@civic/citizen-loop';
import { CitizenNoticeKind, DEFAULT_NOTICE_TEXTS, NOTICE_PLACEHOLDERS } from '@civic/citizen-loop';

/** The product's automatic messages as a new organization has them: every kind on, the default texts. */
export function defaultNoticeSettings(): EffectiveNoticeSettings {
  const kinds: Record<string, NoticeKindSettings> = {};
  for (const kind of Object.values(CitizenNoticeKind)) {
    kinds[kind] = {
      kind,
      enabled: true,
      texts: { ...DEFAULT_NOTICE_TEXTS[kind] },
      whatsappTemplate: null,
      placeholders: [...NOTICE_PLACEHOLDERS[kind]],
    };
  }
  return { privacyNoticeUrl: null, privacyNoticeOnFirstContact: false, defaultLanguage: 'tr', kinds };
}
