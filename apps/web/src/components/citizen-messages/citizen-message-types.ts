/**
 * The automatic messages' API shapes as the web reads them (GET/PUT /api/v1/citizen-messages/settings,
 * POST …/preview and a case's `notices`).
 */
export type MessageLanguage = 'tr' | 'en';

export interface WhatsappTemplateRef {
  name: string;
  language: string;
}

export interface NoticeKindSettings {
  kind: string;
  enabled: boolean;
  texts: Record<MessageLanguage, string>;
  whatsappTemplate: WhatsappTemplateRef | null;
  placeholders: string[];
}

export interface AccountGreeting {
  accountId: string;
  channel: string;
  name: string;
  acknowledgeNewConversations: boolean;
}

export interface CitizenMessageSettings {
  privacyNoticeUrl: string | null;
  privacyNoticeOnFirstContact: boolean;
  /** The language of a citizen whose language is not known. */
  defaultLanguage?: MessageLanguage;
  kinds: NoticeKindSettings[];
  accounts: AccountGreeting[];
}

/** A partial write: only what the administrator changed. */
export interface CitizenMessageSettingsUpdate {
  privacyNoticeUrl?: string | null;
  privacyNoticeOnFirstContact?: boolean;
  defaultLanguage?: MessageLanguage;
  kinds?: Omit<NoticeKindSettings, 'placeholders'>[];
  accounts?: Pick<AccountGreeting, 'accountId' | 'acknowledgeNewConversations'>[];
}

export type NoticeState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'refused' | 'skipped';

export interface CaseNotice {
  id: string;
  kind: string;
  state: NoticeState;
  reason: string | null;
  text: string | null;
  messageId: string | null;
  createdAt: string;
}
