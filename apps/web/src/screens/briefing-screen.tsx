import { useState } from 'react';
import { useBriefing } from '../api/queries/use-briefing';
import { useNeighbourhoods } from '../api/queries/use-neighbourhoods';
import type { PeriodPreset } from '../components/briefing/briefing-dates';
import { localDay, presetDays } from '../components/briefing/briefing-dates';
import { BriefingPdfButton } from '../components/briefing/briefing-pdf-button';
import { BriefingReport } from '../components/briefing/briefing-report';
import { DateInput } from '../components/date-input';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';

/**
 * The mayor's briefing (bilgi notu) before a neighbourhood visit: choose the neighbourhood (or the whole
 * district) and the period; the figures, the late cases, the mentions and a small map follow, and the same
 * briefing downloads as a printable PDF.
 */
export function BriefingScreen() {
  const { t } = useI18n();
  const neighbourhoods = useNeighbourhoods();
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const [preset, setPreset] = useState<PeriodPreset>('days30');
  const [custom, setCustom] = useState(() => presetDays('days30'));
  const days = preset === 'custom' ? custom : presetDays(preset);
  const valid = days.from !== '' && days.to !== '' && days.from <= days.to;
  const choice = { neighbourhoodId, ...days };
  const briefing = useBriefing(choice, valid);
  const list = neighbourhoods.data?.neighbourhoods ?? [];
  const today = localDay(new Date());

  return (
    <div className="overview briefing">
      <div className="overview-head">
        <h1>{t('briefing.title')}</h1>
      </div>
      <p className="muted">{t('briefing.explain')}</p>
      <form className="briefing-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('briefing.title')}>
        <label>
          {t('briefing.neighbourhood')}
          <select
            value={neighbourhoodId}
            onChange={(e) => setNeighbourhoodId(e.target.value)}
            data-testid="briefing-neighbourhood"
          >
            <option value="">{t('briefing.wholeDistrict')}</option>
            {list.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('briefing.period')}</legend>
          <div className="briefing-presets">
            {(['week', 'days30', 'custom'] as const).map((p) => (
              <label key={p}>
                <input
                  type="radio"
                  name="briefing-period"
                  value={p}
                  checked={preset === p}
                  onChange={() => {
                    if (p === 'custom') {
                      setCustom(days);
                    }
                    setPreset(p);
                  }}
                />
                {t(`briefing.period.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {preset === 'custom' && (
          <>
            <DateInput
              label={t('briefing.from')}
              value={custom.from}
              max={custom.to || today}
              onChange={(from) => setCustom((c) => ({ ...c, from }))}
            />
            <DateInput
              label={t('briefing.to')}
              value={custom.to}
              max={today}
              onChange={(to) => setCustom((c) => ({ ...c, to }))}
            />
          </>
        )}
        <BriefingPdfButton choice={choice} />
      </form>
      {neighbourhoods.isSuccess && list.length === 0 && <p className="small muted">{t('briefing.noBoundaries')}</p>}
      <QueryState query={briefing}>{(b) => <BriefingReport briefing={b} />}</QueryState>
    </div>
  );
}
