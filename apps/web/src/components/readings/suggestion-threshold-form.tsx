import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveReadingSettings } from '../../api/queries/use-readings';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';

const MIN = 50;
const MAX = 100;

/** The confidence (50–100 %) below which a suggested category is only shown, as a slider and a number. */
export function SuggestionThresholdForm({ threshold }: { threshold: number }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState(String(Math.round(threshold * 100)));
  const [outOfRange, setOutOfRange] = useState(false);
  const save = useSaveReadingSettings();
  const change = (value: string) => {
    // An edit makes the last save's refusal or confirmation out of date.
    save.reset();
    setOutOfRange(false);
    setPercent(value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(percent);
    if (percent.trim() === '' || !Number.isFinite(value) || value < MIN || value > MAX) {
      setOutOfRange(true);
      return;
    }
    save.mutate({ suggestionThreshold: value / 100 });
  };

  return (
    <form className="card stack" aria-labelledby="readings-threshold" onSubmit={submit} noValidate>
      <h2 id="readings-threshold">{t('readings.threshold.title')}</h2>
      <p className="small muted">{t('readings.threshold.explain')}</p>
      <div className="threshold-row">
        <input
          type="range"
          min={MIN}
          max={MAX}
          step={1}
          aria-label={t('readings.threshold.slider')}
          value={Number(percent) >= MIN && Number(percent) <= MAX ? percent : String(MIN)}
          onChange={(e) => change(e.target.value)}
        />
        <label>
          {t('readings.threshold.label')}{' '}
          <input
            type="number"
            min={MIN}
            max={MAX}
            step={1}
            inputMode="numeric"
            value={percent}
            aria-invalid={outOfRange || undefined}
            onChange={(e) => change(e.target.value)}
          />
        </label>
      </div>
      {outOfRange && (
        <p role="alert" className="error">
          {t('readings.threshold.range')}
        </p>
      )}
      <AdminError
        error={save.error}
        fields={{ suggestionThreshold: 'readings.threshold.label' }}
        messages={{ suggestionThreshold: 'readings.threshold.range' }}
      />
      <div className="item-line">
        <button type="submit" disabled={save.isPending}>
          {t('readings.threshold.save')}
        </button>
        {save.isSuccess && <span role="status">{t('readings.threshold.saved')}</span>}
      </div>
    </form>
  );
}
