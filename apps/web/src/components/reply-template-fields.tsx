import { useI18n } from '../i18n/i18n';

export interface TemplateChoice {
  name: string;
  language: string;
  params: string;
}

/** WhatsApp after 24 hours: only an approved template may be sent. */
export function ReplyTemplateFields({
  value,
  onChange,
}: {
  value: TemplateChoice;
  onChange(next: TemplateChoice): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="template" data-testid="template-picker">
      <legend>{t('reply.template')}</legend>
      <p className="warning">{t('reply.windowClosed')}</p>
      <label>
        {t('reply.templateName')}
        <input
          list="known-templates"
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          required
        />
        <datalist id="known-templates">
          <option value="basvuru_alindi" />
          <option value="basvuru_sonuclandi" />
          <option value="bilgi_talebi" />
        </datalist>
      </label>
      <label>
        {t('reply.templateLanguage')}
        <select value={value.language} onChange={(e) => onChange({ ...value, language: e.target.value })}>
          <option value="tr">{t('ws.template.tr')}</option>
          <option value="en">{t('ws.template.en')}</option>
        </select>
      </label>
      <label>
        {t('reply.templateParams')}
        <textarea rows={2} value={value.params} onChange={(e) => onChange({ ...value, params: e.target.value })} />
      </label>
    </fieldset>
  );
}
