import { useState } from 'react';
import type { AuditFilters } from '../../api/queries/use-audit';
import { NO_AUDIT_FILTERS, useAuditActors, useAuditEvents } from '../../api/queries/use-audit';
import { useI18n } from '../../i18n/i18n';
import { DateInput } from '../date-input';
import { QueryState } from '../query-state';
import { AuditChange } from './audit-change';
import {
  AUDIT_TARGET_TYPES,
  auditActionGroups,
  auditActionLabel,
  auditActorLabel,
  auditDomainLabel,
  auditTargetLabel,
} from './audit-labels';
import { AuditTarget } from './audit-target';
import './audit-trail.css';

const GROUPS = auditActionGroups();

/**
 * The trail in words: who (by name), what (the action's name), on what (by name, linked), and the
 * change; narrowed by user, action, record type and dates; paged by keyset cursor (newest first),
 * so page 200 costs what page 1 does.
 */
export function AuditTrail({ canAdmin }: { canAdmin: boolean }) {
  const { t, formatDateTime } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // The cursors of the pages before the current one: "newer" pops, "older" pushes.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1];
  const events = useAuditEvents(applied, cursor);
  const actors = useAuditActors();
  const page = events.data;
  const badRange = !!draft.from && !!draft.to && draft.from > draft.to;
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (filters: AuditFilters) => {
    setApplied(filters);
    setCursors([null]);
  };

  return (
    <section className="card" aria-labelledby="trail-title">
      <h2 id="trail-title">{t('audit.title')}</h2>
      <form
        className="inline-form audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!badRange) {
            apply(draft);
          }
        }}
      >
        <label>
          {t('audit.filter.user')}
          <select value={draft.actor} onChange={(e) => set('actor')(e.target.value)} data-testid="audit-filter-user">
            <option value="">{t('audit.filter.anyone')}</option>
            <option value="system">{t('audit.filter.system')}</option>
            {(actors.data ?? []).map((actor) => (
              <option key={actor.id} value={actor.id} data-user-content>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.action')}
          <select
            value={draft.action}
            onChange={(e) => set('action')(e.target.value)}
            data-testid="audit-filter-action"
          >
            <option value="">{t('audit.filterAll')}</option>
            {GROUPS.map((group) => (
              <optgroup key={group.domain} label={auditDomainLabel(t, group.domain)}>
                <option value={`${group.domain}.*`}>
                  {t('audit.filter.domainAll', { domain: auditDomainLabel(t, group.domain) })}
                </option>
                {group.actions.map((code) => (
                  <option key={code} value={code}>
                    {auditActionLabel(t, code)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.targetType')}
          <select
            value={draft.targetType}
            onChange={(e) => set('targetType')(e.target.value)}
            data-testid="audit-filter-target"
          >
            <option value="">{t('audit.filter.anyTarget')}</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {auditTargetLabel(t, type)}
              </option>
            ))}
          </select>
        </label>
        <DateInput label={t('audit.filter.from')} value={draft.from} onChange={set('from')} />
        <DateInput label={t('audit.filter.to')} value={draft.to} onChange={set('to')} />
        <button type="submit" className="secondary" disabled={badRange}>
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_AUDIT_FILTERS);
            apply(NO_AUDIT_FILTERS);
          }}
        >
          {t('audit.filter.clear')}
        </button>
      </form>
      {badRange && (
        <p role="alert" className="error">
          {t('audit.filter.badRange')}
        </p>
      )}
      <QueryState query={events}>{() => null}</QueryState>
      <div className="table-wrap">
        <table className="audit-table" data-testid="audit-table" aria-busy={events.isFetching}>
          <thead>
            <tr>
              <th scope="col">{t('audit.seq')}</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {page && page.items.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('audit.empty')}
                </td>
              </tr>
            )}
            {(page?.items ?? []).map((e) => (
              <tr key={e.id} data-seq={e.seq}>
                <td>{e.seq}</td>
                <td>
                  <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                </td>
                <td data-user-content>{auditActorLabel(t, e)}</td>
                <td data-action={e.action}>{auditActionLabel(t, e.action)}</td>
                <td>
                  <AuditTarget event={e} canAdmin={canAdmin} />
                </td>
                <td>
                  <AuditChange before={e.before} after={e.after} names={page?.names ?? {}} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="audit-pages" aria-label={t('audit.pages')}>
        <button
          type="button"
          className="secondary"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          ← {t('audit.newer')}
        </button>
        <span aria-live="polite" data-testid="audit-page">
          {t('audit.page', { page: cursors.length })}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={!page?.nextCursor || events.isPlaceholderData}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}
        >
          {t('audit.older')} →
        </button>
      </nav>
    </section>
  );
}
