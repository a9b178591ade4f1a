import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import type { MessageLanguage } from './citizen-message-types';
import { MessageTextEditor } from './message-text-editor';
import { kindName, kindWhen } from './notice-words';
import type { FieldId, KindDraft } from './settings-draft';
import { textField } from './settings-draft';

const LANGUAGES: MessageLanguage[] = ['tr', 'en'];
/** The languages Meta approves the municipality's templates in, most likely first, with their names. */
const TEMPLATE_LANGUAGES: Record<string, MessageKey> = {
  tr: 'cm.language.tr',
  en: 'cm.language.en',
  en_US: 'cm.template.lang.en_US',
  en_GB: 'cm.template.lang.en_GB',
};

/** The selected kind: on/off, its text per language (tabs) with preview, and its WhatsApp template. */
export function KindEditor({
  kind,
  draft,
  placeholders,
  errors,
  onChange,
}: {
  kind: string;
  draft: KindDraft;
  placeholders: string[];
  errors: Partial<Record<FieldId, string>>;
  onChange(next: KindDraft): void;
}) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<MessageLanguage>(
    () => LANGUAGES.find((l) => errors[textField(kind, l)]) ?? 'tr',
  );
  const name = kindName(t, kind);
  const templateError = errors[`${kind}.template`] ?? null;
  const templateProblem =
    templateError ?? (draft.templateLanguage && !draft.templateName.trim() ? t('cm.template.nameMissing') : null);
  const tabId = (l: MessageLanguage) => `cm-tab-${kind}-${l}`;

  return (
    <section className="card cm-editor" aria-labelledby={`cm-editor-${kind}`} data-testid="cm-editor" data-kind={kind}>
      <div className="cm-editor-head">
        <div>
          <h3 id={`cm-editor-${kind}`}>{name}</h3>
          <p className="small muted">{kindWhen(t, kind)}</p>
        </div>
        <span className={`cm-state ${draft.enabled ? 'on' : 'off'}`}>{draft.enabled ? t('cm.on') : t('cm.off')}</span>
      </div>
      {!draft.enabled && <p className="cm-off-note small">{t('cm.off.note')}</p>}
      <div className="cm-tabs" role="tablist" aria-label={t('cm.languages')}>
        {LANGUAGES.map((l) => (
          <button
            key={l}
            id={tabId(l)}
            type="button"
            role="tab"
            aria-selected={language === l}
            aria-controls={`${tabId(l)}-panel`}
            tabIndex={language === l ? 0 : -1}
            className={`cm-tab${errors[textField(kind, l)] ? ' has-error' : ''}`}
            onClick={() => setLanguage(l)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = LANGUAGES[(LANGUAGES.indexOf(l) + 1) % LANGUAGES.length];
                setLanguage(next);
                document.getElementById(tabId(next))?.focus();
              }
            }}
          >
            {t(`cm.language.${l}`)}
          </button>
        ))}
      </div>
      <div id={`${tabId(language)}-panel`} role="tabpanel" aria-labelledby={tabId(language)}>
        <MessageTextEditor
          key={language}
          kind={kind}
          language={language}
          text={draft.texts[language]}
          placeholders={placeholders}
          error={errors[textField(kind, language)] ?? null}
          onChange={(text) => onChange({ ...draft, texts: { ...draft.texts, [language]: text } })}
        />
      </div>
      <fieldset className="cm-template">
        <legend>{t('cm.template.title')}</legend>
        <p className="small muted">{t('cm.template.explain')}</p>
        <div className="cm-template-fields">
          <label>
            {t('cm.template.name')}
            <input
              value={draft.templateName}
              placeholder={t('cm.template.none')}
              spellCheck={false}
              aria-invalid={templateProblem ? true : undefined}
              onChange={(e) => onChange({ ...draft, templateName: e.target.value })}
            />
          </label>
          <label>
            {t('cm.template.language')}
            <select
              value={draft.templateLanguage || 'tr'}
              onChange={(e) => onChange({ ...draft, templateLanguage: e.target.value })}
            >
              {Object.entries(TEMPLATE_LANGUAGES).map(([code, label]) => (
                <option key={code} value={code}>
                  {t(label)}
                </option>
              ))}
              {draft.templateLanguage && !(draft.templateLanguage in TEMPLATE_LANGUAGES) && (
                <option value={draft.templateLanguage}>{t('cm.template.lang.other')}</option>
              )}
            </select>
          </label>
        </div>
        {templateProblem && (
          <p className="error small" role="alert" data-testid="cm-field-error">
            {templateProblem}
          </p>
        )}
      </fieldset>
    </section>
  );
}
