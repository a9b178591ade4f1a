import type { MessageItem } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** A reply sent as an approved WhatsApp template: its name and the values filled in, instead of an empty bubble. */
export function TemplateSummary({ template }: { template: NonNullable<MessageItem['template']> }) {
  const { t } = useI18n();
  return (
    <div className="template-summary" data-testid="message-template">
      <p className="text">
        <span className="muted">{t('msg.template')}:</span> <strong>{template.name}</strong>
      </p>
      {template.parameters.length > 0 && (
        <ol className="template-parameters">
          {template.parameters.map((value, i) => (
            <li key={i}>{value}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
