import { useState } from 'react';
import type { BoundarySet } from '../../api/queries/use-neighbourhoods';
import { useOfficialDistrict, useOfficialPlaces } from '../../api/queries/use-neighbourhoods';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';

/**
 * "Resmî mahalle listesi": the district whose official neighbourhood names are matched in texts,
 * beside (or, before any upload, instead of) the uploaded boundaries.
 */
export function OfficialListAdmin({ active }: { active: BoundarySet | undefined }) {
  const { t, format } = useI18n();
  const official = active?.official ?? null;
  const [cityCode, setCityCode] = useState(official?.cityCode ?? '');
  const [district, setDistrict] = useState(official?.district ?? '');
  const places = useOfficialPlaces(cityCode);
  const save = useOfficialDistrict();

  return (
    <section className="card" aria-labelledby="places-official-title">
      <h2 id="places-official-title">{t('places.official.title')}</h2>
      <p className="muted">{t('places.official.explain')}</p>
      {official && (
        <p data-testid="places-official-current">
          {t('places.official.current', {
            city: official.cityName,
            district: official.district,
            count: format.number(official.neighbourhoods),
          })}
        </p>
      )}
      <div className="admin-form">
        <label>
          {t('places.official.city')}
          <select
            value={cityCode}
            onChange={(e) => {
              setCityCode(e.target.value);
              setDistrict('');
              save.reset();
            }}
            data-testid="places-official-city"
          >
            <option value="">{t('places.official.chooseCity')}</option>
            {(places.data?.cities ?? []).map((c) => (
              <option key={c.code} value={c.code} data-user-content>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('places.official.district')}
          <select
            value={district}
            disabled={!cityCode}
            onChange={(e) => {
              setDistrict(e.target.value);
              save.reset();
            }}
            data-testid="places-official-district"
          >
            <option value="">{t('places.official.chooseDistrict')}</option>
            {(places.data?.districts ?? []).map((d) => (
              <option key={d} value={d} data-user-content>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AdminError
        error={save.error}
        fields={{ cityCode: 'places.official.city', district: 'places.official.district' }}
      />
      {save.isSuccess && (
        <p className="small" role="status" data-testid="places-official-saved">
          {t('places.official.saved', { version: String(save.data.version) })}
        </p>
      )}
      <div className="item-line">
        <button
          type="button"
          disabled={!cityCode || !district || save.isPending}
          onClick={() => save.mutate({ cityCode, district })}
          data-testid="places-official-use"
        >
          {t('places.official.use')}
        </button>
        {official && (
          <button
            type="button"
            className="secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(null)}
            data-testid="places-official-clear"
          >
            {t('places.official.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
