import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queries/query-keys';
import { useCase } from '../api/queries/use-cases';
import type { CaseHistoryEntry, DepartmentView } from '../api/types';
import { ChannelBadge } from '../components/badges';
import { CaseCard } from '../components/case-card';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';
import type { Permissions } from '../roles';

const COORDINATE = { maximumFractionDigits: 5 };
const OPEN = ['new', 'assigned', 'in_progress', 'forwarded'];
const STATUSES: unknown[] = [...OPEN, 'resolved', 'rejected'];
// History rows carry other "status" fields too (e.g. the citizen notification's "queued").
const isCaseStatus = (value: unknown): value is string => STATUSES.includes(value);
const KNOWN_ACTIONS = new Set([
  'created',
  'updated',
  'status',
  'assigned',
  'in_progress',
  'forwarded',
  'resolved',
  'rejected',
  'forward.queued',
  'forward.email_outbox',
  'forward.sent',
  'forward.failed',
  'citizen.notified',
  'citizen.notification_refused',
]);

/** One case: its facts, the whole history, the forwards to external bodies; forward and resolve. */
export function CaseDetailScreen({ id, can }: { id: string; can: Permissions }) {
  const { t, formatDateTime, format } = useI18n();
  const query = useCase(id);
  const client = useQueryClient();
  // A change here can move the case on the board too: refetch every cached case query.
  const load = () => client.invalidateQueries({ queryKey: queryKeys.cases });

  const actionLabel = (entry: CaseHistoryEntry) =>
    KNOWN_ACTIONS.has(entry.action) ? t(`case.action.${entry.action}` as MessageKey) : entry.action;

  return (
    <div className="cases case-detail" data-testid="case-detail">
      <div className="item-line">
        <Link to="/cases">{t('case.backToBoard')}</Link>
      </div>
      <QueryState query={query}>
        {(item) => (
          <>
            <h1 className="item-line">
              {t('case.number', { number: item.number })} · {item.category.name} <ChannelBadge channel={item.channel} />
            </h1>
            <div className="detail-grid">
              <div className="stack">
                <CaseCard item={item} canWork={can.work} onChanged={() => void load()}>
                  <p className="item-line small">
                    <span>{item.contact?.name ?? item.contact?.handle ?? ''}</span>
                    {item.location && (
                      <span className="muted">
                        {item.location.label ??
                          `${format.number(item.location.latitude, COORDINATE)}, ${format.number(item.location.longitude, COORDINATE)}`}
                      </span>
                    )}
                    <Link to={`/inbox/${item.conversationId}`}>{t('case.openConversation')}</Link>
                  </p>
                  {item.rejectionReason && (
                    <p className="small error">{t('case.rejection', { text: item.rejectionReason })}</p>
                  )}
                </CaseCard>
                {can.work && OPEN.includes(item.status) && <ForwardForm caseId={item.id} onDone={() => void load()} />}
                {item.forwards.length > 0 && (
                  <section className="card" aria-labelledby="forwards-title">
                    <h2 id="forwards-title">{t('case.forwards')}</h2>
                    <ul className="plain-list" data-testid="case-forwards">
                      {item.forwards.map((f) => (
                        <li key={f.id} className="small">
                          <strong>{f.externalBodyName}</strong> ·{' '}
                          {t(f.transport === 'email' ? 'case.viaEmail' : 'case.viaWebhook')} {f.target} ·{' '}
                          <span className="status">{f.status}</span> · {formatDateTime(f.createdAt)}
                          {f.lastError && <span className="error"> · {f.lastError}</span>}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </div>
              <section className="card" aria-labelledby="history-title">
                <h2 id="history-title">{t('case.history')}</h2>
                <ol className="history" data-testid="case-history">
                  {item.history.map((h) => (
                    <li key={h.id} data-action={h.action}>
                      <time className="when" dateTime={h.occurredAt}>
                        {formatDateTime(h.occurredAt)}
                      </time>{' '}
                      <strong>{actionLabel(h)}</strong>
                      {isCaseStatus(h.after?.status) && (
                        <span className="muted small"> → {t(`case.status.${h.after.status}` as MessageKey)}</span>
                      )}
                      {h.actorLabel && <span className="muted small"> · {h.actorLabel}</span>}
                      {h.note && <p className="small">{h.note}</p>}
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}

/** Forward to an external body (dış kurum): the API sends the signed webhook and/or writes the e-mail. */
function ForwardForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useI18n();
  const [bodies, setBodies] = useState<DepartmentView[] | null>(null);
  const [body, setBody] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Loaded on first use: most case views never forward.
  const open = () =>
    api
      .request<DepartmentView[]>('/api/v1/departments?kind=external_body')
      .then(setBodies, (e: Error) => setError(e.message));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.request(`/api/v1/cases/${caseId}/forward`, {
        method: 'POST',
        body: JSON.stringify({ externalBodyId: body, ...(note.trim() ? { note: note.trim() } : {}) }),
      });
      setBodies(null);
      setNote('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!bodies) {
    return (
      <div>
        <button type="button" className="secondary" onClick={() => void open()}>
          {t('case.forward')}
        </button>
        {error && (
          <p role="alert" className="error">
            {t('common.error', { message: error })}
          </p>
        )}
      </div>
    );
  }
  const usable = bodies.filter((b) => b.email || b.webhookUrl);
  return (
    <form className="card case-open" aria-label={t('case.forward')} onSubmit={(e) => void submit(e)}>
      <h2>{t('case.forward')}</h2>
      <label>
        {t('case.externalBody')}
        <select required aria-label={t('case.externalBody')} value={body} onChange={(e) => setBody(e.target.value)}>
          <option value="">…</option>
          {usable.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      {usable.length < bodies.length && (
        <p className="small muted">{t('case.forwardUnreachable', { count: bodies.length - usable.length })}</p>
      )}
      <label>
        {t('case.forwardNote')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      <div className="item-line">
        <button type="submit" disabled={!body}>
          {t('case.forwardSubmit')}
        </button>
        <button type="button" className="secondary" onClick={() => setBodies(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
