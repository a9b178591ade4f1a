import type { GeoLocation } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * No map tiles: the browser may not reach a tile server (and the CSP allows only this origin), so the
 * preview is a drawn pin with the coordinates and a link to OpenStreetMap.
 */
export function LocationPreview({ location }: { location: GeoLocation }) {
  const { t } = useI18n();
  const lat = location.latitude.toFixed(5);
  const lng = location.longitude.toFixed(5);
  const name = location.name ?? location.address ?? `${lat}, ${lng}`;
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  return (
    <figure className="location" data-testid="location">
      <div className="map" role="img" aria-label={t('location.map', { name })}>
        <span className="pin" aria-hidden="true">
          📍
        </span>
      </div>
      <figcaption>
        <strong>{location.name ?? t('location.title')}</strong>
        {location.address && <span>{location.address}</span>}
        <span className="coords">{t('location.coords', { lat, lng })}</span>
        <a href={osm} target="_blank" rel="noreferrer noopener">
          {t('location.osm')}
        </a>
      </figcaption>
    </figure>
  );
}
