import { useCaseAction } from '../../api/queries/use-cases';
import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import './photos.css';

/**
 * "Fotoğraftaki konumu kullan": shown while the case has no location and one of its photos holds a
 * GPS position in its EXIF (the served copies carry none; the server keeps it for this offer).
 */
export function PhotoLocationOffer({ item }: { item: CaseDetail }) {
  const { t, format } = useI18n();
  const action = useCaseAction();
  const found = item.photoLocation;
  if (!found || item.location) {
    return null;
  }
  const digits = { maximumFractionDigits: 5, minimumFractionDigits: 5 };
  const latitude = format.number(found.latitude, digits);
  const longitude = format.number(found.longitude, digits);
  const osm = `https://www.openstreetmap.org/?mlat=${found.latitude}&mlon=${found.longitude}#map=17/${found.latitude}/${found.longitude}`;
  return (
    <aside className="photo-location" aria-labelledby="photo-location-title" data-testid="photo-location-offer">
      <strong id="photo-location-title">{t('photos.location.title')}</strong>
      <p>{t('photos.location.text', { latitude, longitude })}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={action.isPending}
          onClick={() => action.mutate({ caseId: item.id, action: 'location/from-photo' })}
          data-testid="use-photo-location"
        >
          {t('photos.location.use')}
        </button>
        <a href={osm} target="_blank" rel="noreferrer noopener">
          {t('photos.location.map')}
        </a>
      </div>
      {action.error && (
        <p role="alert" className="error small">
          {action.error.message}
        </p>
      )}
    </aside>
  );
}
