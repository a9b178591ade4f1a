import { lazy, Suspense } from 'react';
import type { GeoLocation } from '../api/types';
import { useI18n } from '../i18n/i18n';

// Leaflet and its CSS come in their own chunk, fetched when a location first shows: the inbox stays light.
const PinMap = lazy(() => import('./map/pin-map'));

/**
 * A citizen's location: the pin on a small map (tiles from the configured tile server), the place's name and
 * address, and a link to OpenStreetMap. No coordinates on screen: the map and the link carry them.
 */
export function LocationPreview({ location }: { location: GeoLocation }) {
  const { t } = useI18n();
  const lat = location.latitude.toFixed(5);
  const lng = location.longitude.toFixed(5);
  const name = location.name ?? location.address ?? t('location.title');
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  const fallback = (
    <div className="map" role="img" aria-label={t('location.map', { name })}>
      <span className="pin" aria-hidden="true">
        📍
      </span>
    </div>
  );
  return (
    <figure className="location" data-testid="location">
      <Suspense fallback={fallback}>
        <PinMap latitude={location.latitude} longitude={location.longitude} label={t('location.map', { name })} />
      </Suspense>
      <figcaption>
        <strong>{location.name ?? t('location.title')}</strong>
        {location.address && <span>{location.address}</span>}
        <a
          href={osm}
          target="_blank"
          rel="noreferrer noopener"
          title={t('location.osm')}
          data-testid="location-open-map"
        >
          {t('location.openMap')}
        </a>
      </figcaption>
    </figure>
  );
}
