import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/** A read-only address with a copy button; the field selects itself for a manual copy where the clipboard is refused. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-field" data-testid={testId}>
      <label>
        {label}
        <input readOnly value={value} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        className="secondary"
        aria-label={t('publicData.copyLabel', { name: label })}
        onClick={() => void copy()}
      >
        {t('publicData.copy')}
      </button>
      <span role="status" className="small muted">
        {copied ? t('publicData.copied') : ''}
      </span>
    </div>
  );
}
