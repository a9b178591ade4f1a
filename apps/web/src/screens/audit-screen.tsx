import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { CHANNELS } from '../api/channels';
import { api } from '../api/client';
import { useAuditChain } from '../api/queries/use-audit';
import type { ExportJobView } from '../api/types';
import { AuditTrail } from '../components/audit/audit-trail';
import { DateInput } from '../components/date-input';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import { permissionsOf } from '../roles';

export function AuditScreen() {
  const { t } = useI18n();
  // Users and accounts link to the admin pages only for those who may open them.
  const canAdmin = permissionsOf(api.current?.user.roles ?? []).admin;
  return (
    <div className="audit">
      <h1>{t('audit.title')}</h1>
      <ChainState />
      <AuditTrail canAdmin={canAdmin} />
      <ExportForm />
    </div>
  );
}

function ChainState() {
  const { t } = useI18n();
  const chain = useAuditChain();
  const report = chain.data;
  const verify = () => void chain.refetch();
  return (
    <section className="card chain" aria-labelledby="chain-title" data-testid="chain-state">
      <h2 id="chain-title">{t('audit.chain')}</h2>
      {chain.isFetching && !chain.isError ? (
        <p className="muted" aria-busy="true">
          {t('common.loading')}
        </p>
      ) : (
        <QueryState query={chain}>{() => null}</QueryState>
      )}
      {report && !chain.isFetching && (
        <p role="status" className={report.ok ? 'chain-ok' : 'chain-broken'} data-chain-ok={String(report.ok)}>
          {report.ok
            ? `✔ ${t('audit.chainOk', { count: report.checked })}`
            : `✖ ${t('audit.chainBroken', { seq: report.firstBrokenSeq ?? '?', reason: report.reason ?? '' })}`}
          {report.head && <span className="muted small"> · {t('audit.head', { seq: report.head.seq })}</span>}
        </p>
      )}
      <button type="button" className="secondary" onClick={verify}>
        {t('audit.verifyAgain')}
      </button>
    </section>
  );
}

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function ExportForm() {
  const { t } = useI18n();
  const [from, setFrom] = useState(isoDate(new Date(Date.now() - 30 * DAY)));
  const [to, setTo] = useState(isoDate(new Date(Date.now() + DAY)));
  const [channel, setChannel] = useState('');
  const [formats, setFormats] = useState<string[]>(['ndjson', 'csv', 'pdf']);
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (poll.current) {
        clearTimeout(poll.current);
      }
    },
    [],
  );

  const follow = (id: string) => {
    // Fire and forget: the request's failure is shown, never thrown.
    poll.current = setTimeout(() => {
      api.request<ExportJobView>(`/api/v1/exports/${id}`).then(
        (next) => {
          setJob(next);
          if (next.status === 'queued' || next.status === 'running') {
            follow(id);
          }
        },
        (e) => setError((e as Error).message),
      );
    }, 700);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.request<ExportJobView>('/api/v1/exports', {
        method: 'POST',
        body: JSON.stringify({
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          formats,
          ...(channel ? { channel } : {}),
        }),
      });
      setJob(created);
      if (created.status !== 'completed' && created.status !== 'failed') {
        follow(created.id);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // The download needs the bearer token, so it is fetched and handed to the browser as a file.
  const download = async () => {
    if (!job?.downloadUrl) {
      return;
    }
    const token = await api.freshToken();
    const response = await fetch(job.downloadUrl, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      return setError(response.statusText);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `civic-inbox-export-${job.id}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const toggle = (format: string) =>
    setFormats((f) => (f.includes(format) ? f.filter((x) => x !== format) : [...f, format]));
  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-form">
      <h2 id="export-title">{t('export.title')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <DateInput label={t('export.from')} value={from} onChange={setFrom} required />
        <DateInput label={t('export.to')} value={to} onChange={setTo} required />
        <label>
          {t('export.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="formats">
          <legend>{t('export.formats')}</legend>
          {['ndjson', 'csv', 'pdf'].map((f) => (
            <label key={f} className="checkbox">
              <input type="checkbox" checked={formats.includes(f)} onChange={() => toggle(f)} />
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={formats.length === 0}>
          {t('export.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {t('export.error', { message: error })}
        </p>
      )}
      {job && (
        <div className="export-job" data-testid="export-job" data-status={job.status}>
          <p role="status">
            {t(`export.status.${job.status}`)}
            {job.totalMessages !== null &&
              ` · ${t('export.progress', { done: job.processedMessages, total: job.totalMessages })}`}
          </p>
          <progress max={1} value={job.progress} aria-label={t('export.title')} />
          {job.error && <p className="error">{t('export.error', { message: job.error })}</p>}
          {job.manifestSha256 && <p className="small muted">{t('export.sha', { sha: job.manifestSha256 })}</p>}
          {job.downloadUrl && (
            <button type="button" onClick={() => void download()}>
              {t('export.download')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
