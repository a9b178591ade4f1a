import { useState } from 'react';
import type { PublicDataInfo } from '../../api/queries/use-public-intake';
import { usePublicDataInfo, useSetPublicData } from '../../api/queries/use-public-intake';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { QueryState } from '../query-state';
import { CopyField } from './copy-field';
import { Open311ClientsAdmin } from './open311-clients-admin';
import './public-intake.css';

const URLS: (keyof PublicDataInfo['urls'])[] = ['open311Base', 'services', 'requests', 'transparency', 'requestPage'];

/** "Kamuya açık veriler": the public data switch, the organization's slug and public URLs, the Open311 client keys. */
export function PublicDataAdmin() {
  const query = usePublicDataInfo();
  return (
    <div className="public-data-admin">
      <QueryState query={query}>{(info) => <PublicDataSettings info={info} />}</QueryState>
      <Open311ClientsAdmin />
    </div>
  );
}

function PublicDataSettings({ info }: { info: PublicDataInfo }) {
  const { t } = useI18n();
  const save = useSetPublicData();
  // Shown at once; put back if the server refuses.
  const [on, setOn] = useState(info.publicData);
  const toggle = (next: boolean) => {
    setOn(next);
    save.mutate(next, { onError: () => setOn(!next) });
  };
  return (
    <section className="card" aria-labelledby="public-data-title">
      <h2 id="public-data-title">{t('publicData.title')}</h2>
      <p className="small muted">{t('publicData.intro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={on} disabled={save.isPending} onChange={(e) => toggle(e.target.checked)} />
        {t('publicData.switch')}
      </label>
      <p role="status" className={on ? 'small' : 'small muted'} data-testid="public-data-state">
        {on && !save.isPending ? t('publicData.on') : on ? t('publicData.saving') : t('publicData.off')}
      </p>
      {save.isError && (
        <p role="alert" className="error">
          {t('common.error', { message: save.error.message })}
        </p>
      )}
      <dl className="public-data-slug">
        <dt>{t('publicData.slug')}</dt>
        <dd>
          <code data-testid="public-data-slug" data-user-content>
            {info.slug}
          </code>
          <span className="small muted"> {t('publicData.slugHint')}</span>
        </dd>
      </dl>
      <h3>{t('publicData.urls')}</h3>
      <div className="public-data-urls" data-testid="public-data-urls">
        {URLS.map((key) => (
          <CopyField key={key} label={t(`publicData.url.${key}` as MessageKey)} value={info.urls[key]} />
        ))}
      </div>
    </section>
  );
}
