import { useState } from 'react';
import { useNeighbourhoods, useUploadBoundaries } from '../../api/queries/use-neighbourhoods';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';
import type { BoundaryFile } from './boundary-file';
import { likelyNameProperty, MAX_BOUNDARY_FILE_BYTES, readBoundaryFile } from './boundary-file';
import { OfficialListAdmin } from './official-list-admin';

/**
 * "Mahalleler": upload the district's boundaries (GeoJSON), pick the name property, choose the
 * official list, see versions and neighbourhoods.
 */
export function NeighbourhoodsAdmin() {
  const { t, format } = useI18n();
  const query = useNeighbourhoods();
  const upload = useUploadBoundaries();
  const [file, setFile] = useState<BoundaryFile | null>(null);
  const [nameProperty, setNameProperty] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const versions = query.data?.versions ?? [];
  const neighbourhoods = query.data?.neighbourhoods ?? [];
  const active = versions.find((v) => v.active);

  const choose = async (picked: File | undefined) => {
    upload.reset();
    setFile(null);
    setFileProblem(null);
    if (!picked) {
      return;
    }
    if (picked.size > MAX_BOUNDARY_FILE_BYTES) {
      setFileProblem(t('places.fileTooLarge'));
      return;
    }
    const read = readBoundaryFile(picked.name, await picked.text());
    if (!read) {
      setFileProblem(t('places.fileUnreadable'));
      return;
    }
    setFile(read);
    setNameProperty(likelyNameProperty(read));
  };

  const send = () => {
    if (file && nameProperty) {
      upload.mutate({ nameProperty, fileName: file.name, geojson: file.geojson }, { onSuccess: () => setFile(null) });
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="places-title">
        <h2 id="places-title">{t('places.title')}</h2>
        <p className="muted">{t('places.explain')}</p>
        <div className="admin-form">
          <label>
            {t('places.file')}
            <input
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => void choose(e.target.files?.[0])}
              data-testid="places-file"
            />
          </label>
          {file && (
            <label>
              {t('places.nameProperty')}
              <select
                value={nameProperty}
                onChange={(e) => setNameProperty(e.target.value)}
                data-testid="places-name-property"
              >
                {file.properties.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.example ? t('places.propertyOption', { name: p.name, example: p.example }) : p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {file && (
          <p className="small muted" data-testid="places-file-summary">
            {t('places.fileSummary', { name: file.name, count: format.number(file.featureCount) })}
          </p>
        )}
        {fileProblem && (
          <p role="alert" className="error full" data-testid="admin-error">
            {fileProblem}
          </p>
        )}
        <AdminError error={upload.error} fields={{ nameProperty: 'places.nameProperty', geojson: 'places.file' }} />
        {upload.isSuccess && (
          <p className="small" role="status" data-testid="places-uploaded">
            {t('places.uploaded', { version: String(upload.data.version) })}
          </p>
        )}
        <button
          type="button"
          disabled={!file || !nameProperty || upload.isPending}
          onClick={send}
          data-testid="places-upload"
        >
          {t('places.upload')}
        </button>
      </section>
      {query.isSuccess && <OfficialListAdmin active={active} />}
      <QueryState query={query}>{() => null}</QueryState>
      {query.isSuccess && versions.length === 0 && <p className="card muted">{t('places.empty')}</p>}
      {active && (
        <section className="card" aria-labelledby="places-list-title">
          <h2 id="places-list-title">{t('places.listTitle', { version: String(active.version) })}</h2>
          {!active.recomputedAt && <p className="small muted">{t('places.recomputing')}</p>}
          <AdminTable
            testId="neighbourhoods"
            headers={[t('places.name'), t('places.source'), t('places.openCases'), t('places.cases')]}
          >
            {neighbourhoods.map((n) => (
              <tr key={n.id} data-testid="neighbourhood-row">
                <td>{n.name}</td>
                <td className={n.hasBoundary ? undefined : 'muted'}>
                  {t(n.hasBoundary ? 'places.source.boundary' : 'places.source.official')}
                </td>
                <td>{format.number(n.openCases)}</td>
                <td>{format.number(n.cases)}</td>
                <td />
              </tr>
            ))}
          </AdminTable>
        </section>
      )}
      {versions.length > 0 && (
        <section className="card" aria-labelledby="places-versions-title">
          <h2 id="places-versions-title">{t('places.versions')}</h2>
          <AdminTable
            testId="boundary-versions"
            headers={[t('places.version'), t('places.fileName'), t('places.featureCount'), t('places.uploadedBy')]}
          >
            {versions.map((v) => (
              <tr key={v.id} data-testid="boundary-version">
                <td>
                  {t('places.versionLabel', { version: String(v.version) })}
                  {v.active && <span className="badge">{t('places.active')}</span>}
                </td>
                <td>
                  {v.fileName ?? (v.nameProperty ? t('places.noFileName') : t('places.official.noFile'))}
                  {v.nameProperty && (
                    <div className="small muted">{t('places.namePropertyUsed', { name: v.nameProperty })}</div>
                  )}
                  {v.official && (
                    <div className="small muted">
                      {t('places.official.used', { city: v.official.cityName, district: v.official.district })}
                    </div>
                  )}
                </td>
                <td>{format.number(v.featureCount)}</td>
                <td>
                  {v.uploadedBy?.displayName ?? t('places.unknownUploader')}
                  <div className="small muted">{format.dateTime(v.uploadedAt)}</div>
                </td>
                <td />
              </tr>
            ))}
          </AdminTable>
        </section>
      )}
    </div>
  );
}
