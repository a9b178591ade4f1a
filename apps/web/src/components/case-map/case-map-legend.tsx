import type {
  CaseMapCollection,
  CaseMapCluster,
  CaseMapPoint,
  NeighbourhoodShading,
} from '../../api/queries/use-case-map';
import type { CaseStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { CASE_STATUSES } from '../../screens/cases-screen';
import type { ShadingMeasure } from './case-map-view';
import { SHADES, STATUS_COLOURS } from './map-colours';

/** Cases of the view by status, from points or from the server's clusters. */
function countsByStatus(data: CaseMapCollection | undefined): Partial<Record<CaseStatus, number>> {
  const counts: Partial<Record<CaseStatus, number>> = {};
  for (const f of data?.features ?? []) {
    const p = f.properties as CaseMapPoint | CaseMapCluster;
    if (p.kind === 'case') {
      counts[p.status] = (counts[p.status] ?? 0) + 1;
    } else {
      for (const [s, n] of Object.entries(p.statuses)) {
        counts[s as CaseStatus] = (counts[s as CaseStatus] ?? 0) + (n ?? 0);
      }
    }
  }
  return counts;
}

/** The legend in words: each status with its colour and its cases in view; the shading's steps. */
export function CaseMapLegend({
  data,
  shading,
  measure,
}: {
  data: CaseMapCollection | undefined;
  shading: NeighbourhoodShading | undefined;
  measure: ShadingMeasure;
}) {
  const { t, format } = useI18n();
  const counts = countsByStatus(data);
  const values = (shading?.features ?? []).map((f) => (measure === 'none' ? 0 : f.properties[measure]));
  const max = Math.max(0, ...values);
  const steps = SHADES.slice(1).map((colour, i) => {
    const low = Math.floor((i * max) / (SHADES.length - 1)) + 1;
    const high = Math.floor(((i + 1) * max) / (SHADES.length - 1));
    return { colour, low, high };
  });
  return (
    <aside className="case-map-side">
      <section aria-labelledby="map-legend-title" data-testid="map-legend">
        <h2 id="map-legend-title">{t('caseMap.legend')}</h2>
        <ul className="map-legend">
          {CASE_STATUSES.map((s) => (
            <li key={s} data-status={s}>
              <span className="map-swatch" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" />
              {t(`cases.status.${s}` as MessageKey)}
              <span className="count">{format.number(counts[s] ?? 0)}</span>
            </li>
          ))}
        </ul>
      </section>
      {shading && shading.features.length > 0 && measure !== 'none' && (
        <section aria-labelledby="map-shading-title" data-testid="map-shading-legend">
          <h2 id="map-shading-title">
            {t('caseMap.shading.legend', {
              measure: measure === 'openCases' ? t('caseMap.shading.open') : t('caseMap.shading.period'),
            })}
          </h2>
          {measure === 'periodCases' && (
            <p className="small muted">
              {t('caseMap.shading.period.range', {
                from: format.date(shading.from),
                to: format.date(new Date(Date.parse(shading.to) - 1)),
              })}
            </p>
          )}
          <ul className="map-legend">
            <li>
              <span className="map-swatch square" style={{ background: SHADES[0] }} aria-hidden="true" />
              {format.number(0)}
            </li>
            {steps
              .filter((s) => s.high >= s.low)
              .map((s) => (
                <li key={s.colour}>
                  <span className="map-swatch square" style={{ background: s.colour }} aria-hidden="true" />
                  {s.low === s.high ? format.number(s.low) : `${format.number(s.low)} – ${format.number(s.high)}`}
                </li>
              ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
