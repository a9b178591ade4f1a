import type { FormEvent } from 'react';
import { useState } from 'react';
import { useAdminWrite } from '../../api/queries/use-admin-mutations';
import type { MentionWatchlist } from '../../api/queries/use-settings';
import { useWatchlists } from '../../api/queries/use-settings';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { AdminError } from './admin-error';
import { AdminTable } from './admin-table';
import { formatList, parseList } from './list-field';

const FIELDS = {
  name: 'admin.name',
  terms: 'admin.watchlists.terms',
  handles: 'admin.watchlists.handles',
  hashtags: 'admin.watchlists.hashtags',
  exclusionTerms: 'admin.watchlists.exclusions',
  spikeFactor: 'admin.watchlists.spikeFactor',
  spikeMinCount: 'admin.watchlists.spikeMinCount',
} as const;

/** Mention watchlists (takip listeleri): what the mentions screen collects from public posts, and when a spike alerts. */
export function WatchlistsAdmin() {
  const { t } = useI18n();
  const query = useWatchlists();
  const remove = useAdminWrite(['mentions']);
  const [editing, setEditing] = useState<MentionWatchlist | 'new' | null>(null);

  const confirmRemove = (list: MentionWatchlist) => {
    if (window.confirm(t('admin.watchlists.confirmDelete', { name: list.name }))) {
      remove.mutate({ path: `/api/v1/mentions/watchlists/${list.id}`, method: 'DELETE' });
    }
  };
  const words = (list: MentionWatchlist) =>
    formatList([...list.terms, ...list.handles, ...list.hashtags]) || t('common.none');

  return (
    <section className="card" aria-labelledby="watchlists-title">
      <div className="item-line">
        <h2 id="watchlists-title">{t('admin.watchlists.title')}</h2>
        {editing === null && (
          <button type="button" className="secondary push" onClick={() => setEditing('new')}>
            {t('admin.watchlists.new')}
          </button>
        )}
      </div>
      <p className="muted small">{t('admin.watchlists.explain')}</p>
      {editing !== null && (
        <WatchlistForm
          key={editing === 'new' ? 'new' : editing.id}
          list={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <AdminError error={remove.error} fields={FIELDS} />
      <QueryState query={query}>
        {(lists) =>
          lists.length === 0 ? (
            <p className="muted">{t('admin.form.empty')}</p>
          ) : (
            <AdminTable
              testId="watchlists-table"
              headers={[
                t('admin.name'),
                t('admin.watchlists.watched'),
                t('admin.watchlists.exclusions'),
                t('admin.watchlists.xSearch'),
                t('admin.state'),
              ]}
            >
              {lists.map((w) => (
                <tr key={w.id} data-testid="watchlist-row" data-active={w.active}>
                  <td>{w.name}</td>
                  <td className="small">{words(w)}</td>
                  <td className="small">{formatList(w.exclusionTerms) || t('common.none')}</td>
                  <td>{t(w.twitterSearch ? 'admin.form.yes' : 'admin.form.no')}</td>
                  <td>{w.active ? t('admin.active') : t('admin.inactive')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('admin.form.editNamed', { name: w.name })}
                      onClick={() => setEditing(w)}
                    >
                      {t('admin.form.edit')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('admin.form.deleteNamed', { name: w.name })}
                      onClick={() => confirmRemove(w)}
                    >
                      {t('admin.form.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
    </section>
  );
}

function WatchlistForm({ list, onDone }: { list: MentionWatchlist | null; onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(list?.name ?? '');
  const [terms, setTerms] = useState(formatList(list?.terms ?? []));
  const [handles, setHandles] = useState(formatList(list?.handles ?? []));
  const [hashtags, setHashtags] = useState(formatList(list?.hashtags ?? []));
  const [exclusions, setExclusions] = useState(formatList(list?.exclusionTerms ?? []));
  const [spikeFactor, setSpikeFactor] = useState(String(list?.spikeFactor ?? 3));
  const [spikeMinCount, setSpikeMinCount] = useState(String(list?.spikeMinCount ?? 10));
  const [twitterSearch, setTwitterSearch] = useState(list?.twitterSearch ?? true);
  const [active, setActive] = useState(list?.active ?? true);
  const write = useAdminWrite<MentionWatchlist>(['mentions']);
  const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      terms: parseList(terms),
      handles: parseList(handles),
      hashtags: parseList(hashtags),
      exclusionTerms: parseList(exclusions),
      spikeFactor: number(spikeFactor),
      spikeMinCount: number(spikeMinCount),
      twitterSearch,
      active,
    };
    write.mutate(
      list
        ? { path: `/api/v1/mentions/watchlists/${list.id}`, method: 'PATCH', body }
        : { path: '/api/v1/mentions/watchlists', method: 'POST', body },
      { onSuccess: onDone },
    );
  };
  const heading = list ? t('admin.form.editNamed', { name: list.name }) : t('admin.watchlists.new');
  const listInput = (label: string, value: string, set: (v: string) => void, hint: string, id: string) => (
    <label>
      {label}
      <input value={value} aria-describedby={id} onChange={(e) => set(e.target.value)} />
      <span id={id} className="muted small">
        {hint}
      </span>
    </label>
  );
  return (
    <form
      className="admin-form admin-edit-form"
      aria-label={heading}
      noValidate
      onSubmit={submit}
      data-testid="watchlist-form"
    >
      <h3 className="full">{heading}</h3>
      <label className="full">
        {t('admin.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {listInput(t('admin.watchlists.terms'), terms, setTerms, t('admin.watchlists.termsHint'), 'wl-terms')}
      {listInput(t('admin.watchlists.handles'), handles, setHandles, t('admin.watchlists.handlesHint'), 'wl-handles')}
      {listInput(t('admin.watchlists.hashtags'), hashtags, setHashtags, t('admin.watchlists.hashtagsHint'), 'wl-tags')}
      {listInput(
        t('admin.watchlists.exclusions'),
        exclusions,
        setExclusions,
        t('admin.watchlists.exclusionsHint'),
        'wl-exclusions',
      )}
      <label>
        {t('admin.watchlists.spikeFactor')}
        <input inputMode="decimal" value={spikeFactor} onChange={(e) => setSpikeFactor(e.target.value)} />
      </label>
      <label>
        {t('admin.watchlists.spikeMinCount')}
        <input inputMode="numeric" value={spikeMinCount} onChange={(e) => setSpikeMinCount(e.target.value)} />
      </label>
      <p className="full muted small">{t('admin.watchlists.spikeHint')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={twitterSearch} onChange={(e) => setTwitterSearch(e.target.checked)} />{' '}
        {t('admin.watchlists.xSearchLong')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('admin.active')}
      </label>
      <AdminError error={write.error} fields={FIELDS} />
      <div className="item-line full">
        <button type="submit" disabled={write.isPending}>
          {t('admin.form.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
