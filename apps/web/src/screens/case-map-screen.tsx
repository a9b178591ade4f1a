import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseMapFilters, CaseMapPoint, MapView } from '../api/queries/use-case-map';
import { NO_MAP_FILTERS, useCaseMap, useNeighbourhoodShading } from '../api/queries/use-case-map';
import { CaseMapFiltersForm } from '../components/case-map/case-map-filters';
import { CaseMapLegend } from '../components/case-map/case-map-legend';
import type { CaseMapWords, ShadingMeasure } from '../components/case-map/case-map-view';
import { CaseMapView } from '../components/case-map/case-map-view';
import { CasesNav } from '../components/cases-nav';
import { useMapTiles } from '../components/map/use-map-tiles';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';

/** Harita: the cases with a location on a map, filtered as the list is, neighbourhoods shaded; a pin opens its case. */
export function CaseMapScreen() {
  const { t, format } = useI18n();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<CaseMapFilters>(NO_MAP_FILTERS);
  const [measure, setMeasure] = useState<ShadingMeasure>('openCases');
  const [view, setView] = useState<MapView | null>(null);
  const tiles = useMapTiles();
  const cases = useCaseMap(view, filters);
  const shading = useNeighbourhoodShading(filters);
  const onOpenCase = useCallback((id: string) => void navigate(`/cases/${id}`), [navigate]);
  const words = useMemo<CaseMapWords>(
    () => ({
      status: (s) => t(`cases.status.${s}` as MessageKey),
      count: (n) => format.number(n),
      pin: (p: CaseMapPoint) =>
        t('caseMap.pin', {
          number: p.caseNumber,
          category: p.categoryName,
          status: t(`cases.status.${p.status}` as MessageKey),
        }),
      cluster: (n) => t('caseMap.cluster.zoom', { count: format.number(n) }),
      popupNumber: (number) => t('caseMap.popup.number', { number }),
      popupOpened: (iso) => t('caseMap.popup.opened', { date: format.dateTime(iso) }),
      popupOpen: t('caseMap.popup.open'),
      neighbourhood: (name, count) => t('caseMap.neighbourhood.tooltip', { name, count: format.number(count) }),
      label: t('caseMap.label'),
      zoomIn: t('caseMap.zoomIn'),
      zoomOut: t('caseMap.zoomOut'),
    }),
    [t, format],
  );
  const data = cases.data;
  const summary = !data
    ? t('caseMap.loading')
    : data.total === 0
      ? t('caseMap.count.none')
      : t(data.mode === 'points' ? 'caseMap.count.points' : 'caseMap.count.clusters', {
          count: format.number(data.total),
        });

  return (
    <div className="case-map-screen">
      <div className="item-line">
        <h1>{t('caseMap.title')}</h1>
        <CasesNav active="map" />
      </div>
      <CaseMapFiltersForm
        filters={filters}
        onChange={setFilters}
        measure={measure}
        onMeasure={setMeasure}
        hasNeighbourhoods={(shading.data?.features.length ?? 0) > 0}
      />
      <p
        className="small muted case-map-summary"
        aria-live="polite"
        data-testid="map-summary"
        data-total={data?.total ?? ''}
      >
        {summary} {t('caseMap.noLocation')}
      </p>
      <div className="case-map-body">
        {tiles ? (
          <CaseMapView
            tiles={tiles}
            data={data}
            shading={shading.data}
            measure={measure}
            words={words}
            onView={setView}
            onOpenCase={onOpenCase}
          />
        ) : (
          <div className="case-map-canvas" aria-busy="true" />
        )}
        <CaseMapLegend data={data} shading={shading.data} measure={measure} />
      </div>
    </div>
  );
}
