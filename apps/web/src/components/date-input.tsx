import { useEffect, useState } from 'react';
import { formatLocalDate, parseLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * A calendar day as the user's language writes it (gg.aa.yyyy in Turkish), not the browser's own
 * date widget, which follows the browser's locale. value and onChange speak yyyy-mm-dd.
 */
export function DateInput({
  value,
  onChange,
  label,
  required,
  max,
  hideLabel,
  className,
}: {
  value: string;
  onChange(iso: string): void;
  label: string;
  required?: boolean;
  max?: string;
  hideLabel?: boolean;
  className?: string;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState(() => (value ? formatLocalDate(value, language) : ''));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(value ? formatLocalDate(value, language) : '');
    setInvalid(false);
  }, [value, language]);

  const commit = (next: string) => {
    setText(next);
    const iso = parseLocalDate(next, language);
    const ok = iso !== null && (!max || iso <= max);
    setInvalid(next.trim() !== '' && !ok);
    if (ok && iso !== value) {
      onChange(iso);
    }
  };

  return (
    <label className={className ? `date-input ${className}` : 'date-input'}>
      {hideLabel ? <span className="visually-hidden">{label}</span> : label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        pattern={language === 'tr' ? '\\d{1,2}\\.\\d{1,2}\\.\\d{4}' : '\\d{1,2}/\\d{1,2}/\\d{4}'}
        required={required}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => commit(e.target.value)}
      />
      {invalid && <span className="small error">{t('date.invalid', { format: t('date.placeholder') })}</span>}
    </label>
  );
}
