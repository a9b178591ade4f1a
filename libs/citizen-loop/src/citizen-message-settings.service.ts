import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { DomainError, ErrorCode } from '@civic/errors';
import {
  DEFAULT_NOTICE_TEXTS,
  NOTICE_LANGUAGES,
  NOTICE_PLACEHOLDERS,
  NoticeLanguage,
  SAMPLE_VALUES,
} from './citizen-notice-defaults';
import { CitizenNoticeKind } from './citizen-notice-kind';
import { placeholdersOf, renderNoticeText } from './citizen-notice-text';

export interface NoticeKindSettings {
  kind: CitizenNoticeKind;
  enabled: boolean;
  texts: Record<NoticeLanguage, string>;
  whatsappTemplate: { name: string; language: string } | null;
  placeholders: string[];
}

export interface CitizenMessageSettingsView {
  privacyNoticeUrl: string | null;
  privacyNoticeOnFirstContact: boolean;
  defaultLanguage: NoticeLanguage;
  kinds: NoticeKindSettings[];
  accounts: { accountId: string; channel: string; name: string; acknowledgeNewConversations: boolean }[];
}

/** A partial update: only what is given changes. */
export interface CitizenMessageSettingsUpdate {
  privacyNoticeUrl?: string | null;
  privacyNoticeOnFirstContact?: boolean;
  defaultLanguage?: NoticeLanguage;
  kinds?: {
    kind: CitizenNoticeKind;
    enabled?: boolean;
    texts?: Partial<Record<NoticeLanguage, string>>;
    whatsappTemplate?: { name: string; language: string } | null;
  }[];
  accounts?: { accountId: string; acknowledgeNewConversations: boolean }[];
}

/** The effective settings the notice worker reads (defaults filled in). */
export interface EffectiveNoticeSettings {
  privacyNoticeUrl: string | null;
  privacyNoticeOnFirstContact: boolean;
  defaultLanguage: NoticeLanguage;
  kinds: Record<string, NoticeKindSettings>;
}

const ALL_KINDS = Object.values(CitizenNoticeKind);

/** The organization's automatic messages: texts per kind and language, switches, templates, privacy notice link. */
@Injectable()
export class CitizenMessageSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async effective(manager: EntityManager, organizationId: string): Promise<EffectiveNoticeSettings> {
    const [row] = await manager.query(
      `SELECT privacy_notice_url, privacy_notice_on_first_contact, default_language, kinds
         FROM citizen_message_settings WHERE organization_id = $1`,
      [organizationId],
    );
    const stored: Record<string, any> = row?.kinds ?? {};
    const kinds: Record<string, NoticeKindSettings> = {};
    for (const kind of ALL_KINDS) {
      const own = stored[kind] ?? {};
      kinds[kind] = {
        kind,
        // Every kind is on by default; the new-conversation acknowledgement is also switched per account (off).
        enabled: own.enabled ?? true,
        texts: {
          tr: own.texts?.tr || DEFAULT_NOTICE_TEXTS[kind].tr,
          en: own.texts?.en || DEFAULT_NOTICE_TEXTS[kind].en,
        },
        whatsappTemplate: own.whatsappTemplate ?? null,
        placeholders: [...NOTICE_PLACEHOLDERS[kind]],
      };
    }
    return {
      privacyNoticeUrl: row?.privacy_notice_url ?? null,
      privacyNoticeOnFirstContact: row?.privacy_notice_on_first_contact ?? false,
      defaultLanguage: row?.default_language === 'en' ? 'en' : 'tr',
      kinds,
    };
  }

  async view(organizationId: string): Promise<CitizenMessageSettingsView> {
    const settings = await this.effective(this.dataSource.manager, organizationId);
    const accounts = await this.dataSource.query(
      `SELECT id AS "accountId", channel, name, acknowledge_new_conversations AS "acknowledgeNewConversations"
         FROM channel_account WHERE organization_id = $1 ORDER BY channel, name, id`,
      [organizationId],
    );
    return {
      privacyNoticeUrl: settings.privacyNoticeUrl,
      privacyNoticeOnFirstContact: settings.privacyNoticeOnFirstContact,
      defaultLanguage: settings.defaultLanguage,
      kinds: ALL_KINDS.map((kind) => settings.kinds[kind]),
      accounts,
    };
  }

  async update(
    organizationId: string,
    actorUserId: string,
    input: CitizenMessageSettingsUpdate,
  ): Promise<CitizenMessageSettingsView> {
    const errors = validate(input);
    if (errors.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO citizen_message_settings (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`,
        [organizationId],
      );
      const [row] = await manager.query(
        `SELECT privacy_notice_url, privacy_notice_on_first_contact, default_language, kinds
           FROM citizen_message_settings WHERE organization_id = $1 FOR UPDATE`,
        [organizationId],
      );
      const kinds: Record<string, any> = { ...(row.kinds ?? {}) };
      for (const change of input.kinds ?? []) {
        const own = { ...(kinds[change.kind] ?? {}) };
        if (change.enabled !== undefined) {
          own.enabled = change.enabled;
        }
        if (change.texts) {
          // A text equal to the default is not stored, so a better default reaches the organization later.
          const texts = { ...(own.texts ?? {}) };
          for (const language of NOTICE_LANGUAGES) {
            const text = change.texts[language]?.trim();
            if (text !== undefined) {
              texts[language] = text && text !== DEFAULT_NOTICE_TEXTS[change.kind][language] ? text : undefined;
            }
          }
          own.texts = texts;
        }
        if (change.whatsappTemplate !== undefined) {
          own.whatsappTemplate = change.whatsappTemplate
            ? { name: change.whatsappTemplate.name.trim(), language: change.whatsappTemplate.language.trim() }
            : null;
        }
        kinds[change.kind] = own;
      }
      await manager.query(
        `UPDATE citizen_message_settings SET privacy_notice_url = $2, privacy_notice_on_first_contact = $3,
                default_language = $4, kinds = $5::jsonb, updated_at = now() WHERE organization_id = $1`,
        [
          organizationId,
          input.privacyNoticeUrl !== undefined ? input.privacyNoticeUrl?.trim() || null : row.privacy_notice_url,
          input.privacyNoticeOnFirstContact ?? row.privacy_notice_on_first_contact,
          input.defaultLanguage ?? row.default_language,
          JSON.stringify(kinds),
        ],
      );
      for (const account of input.accounts ?? []) {
        const updated = await manager.query(
          `UPDATE channel_account SET acknowledge_new_conversations = $3 WHERE organization_id = $1 AND id = $2 RETURNING id`,
          [organizationId, account.accountId, account.acknowledgeNewConversations],
        );
        if (updated.length === 0 || (Array.isArray(updated[0]) && updated[0].length === 0)) {
          throw new DomainError(ErrorCode.ValidationFailed, {
            errors: [`accounts: ${account.accountId} is not a channel account of your organization`],
          });
        }
      }
      await this.audit.record(
        {
          organizationId,
          actorUserId,
          action: 'citizen_messages.settings_updated',
          targetType: 'organization',
          targetId: organizationId,
          after: {
            privacyNoticeUrl: input.privacyNoticeUrl,
            privacyNoticeOnFirstContact: input.privacyNoticeOnFirstContact,
            defaultLanguage: input.defaultLanguage,
            kinds: (input.kinds ?? []).map((k) => ({
              kind: k.kind,
              enabled: k.enabled,
              texts: k.texts ? Object.keys(k.texts) : undefined,
              whatsappTemplate: k.whatsappTemplate?.name ?? k.whatsappTemplate,
            })),
            accounts: input.accounts,
          },
        },
        manager,
      );
    });
    return this.view(organizationId);
  }

  /** A kind's text (the saved one, or a draft) rendered with sample values. */
  async preview(
    organizationId: string,
    kind: CitizenNoticeKind,
    language: NoticeLanguage,
    draft?: string,
  ): Promise<{ text: string }> {
    if (draft !== undefined) {
      const problem = placeholderProblem(kind, draft);
      if (problem) {
        throw new DomainError(ErrorCode.ValidationFailed, { errors: [`text: ${problem}`] });
      }
    }
    const settings = await this.effective(this.dataSource.manager, organizationId);
    return { text: renderNoticeText(draft ?? settings.kinds[kind].texts[language], SAMPLE_VALUES, language) };
  }
}

function placeholderProblem(kind: CitizenNoticeKind, text: string): string | null {
  const allowed = NOTICE_PLACEHOLDERS[kind];
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) {
    return null;
  }
  const list = allowed.length ? allowed.map((p) => `{${p}}`).join(', ') : 'none';
  return `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')} (allowed for ${kind}: ${list})`;
}

function validate(input: CitizenMessageSettingsUpdate): string[] {
  const errors: string[] = [];
  if (input.privacyNoticeUrl) {
    let url: URL | null = null;
    try {
      url = new URL(input.privacyNoticeUrl.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      errors.push('privacyNoticeUrl must be an http or https address');
    }
  }
  const seen = new Set<string>();
  for (const change of input.kinds ?? []) {
    if (seen.has(change.kind)) {
      errors.push(`kinds: ${change.kind} is given twice`);
    }
    seen.add(change.kind);
    for (const language of NOTICE_LANGUAGES) {
      const text = change.texts?.[language];
      const problem = text ? placeholderProblem(change.kind, text) : null;
      if (problem) {
        errors.push(`kinds.${change.kind}.texts.${language}: ${problem}`);
      }
    }
  }
  return errors;
}
