import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { tr } from '../../i18n/tr';

const isKey = (key: string): key is MessageKey => key in tr;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a field's values have their own words in the catalogue ("high" → "Yüksek"). */
const VALUE_KEYS: Record<string, (value: string) => string> = {
  // A case's status, a conversation's, or how a notification to the citizen went ("queued").
  status: (v) => [`cases.status.${v}`, `status.${v}`, `audit.value.notification.${v}`].find(isKey) ?? `status.${v}`,
  priority: (v) => `cases.priority.${v}`,
};

interface Row {
  field: string;
  before?: unknown;
  after: unknown;
  changed: boolean;
}

/**
 * The fields an event changed, in the catalogue's words: "Öncelik: Normal → Yüksek". A conversation
 * change records {from, to}: it is read as the one field it changed. Fields the catalogue has no name
 * for (fingerprints, internal ids) are counted, not shown as code.
 */
function rows(before: unknown, after: unknown): { rows: Row[]; hidden: number } {
  const b = isObject(before) ? before : {};
  let a = isObject(after) ? after : {};
  if ('to' in a && 'from' in a && Object.keys(b).length === 1) {
    a = { [Object.keys(b)[0]]: a.to };
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const shown = fields.filter((field) => isKey(`audit.field.${field}`));
  return {
    rows: shown.map((field) => ({
      field,
      before: field in b ? b[field] : undefined,
      after: field in a ? a[field] : undefined,
      changed: field in b && field in a && JSON.stringify(b[field]) !== JSON.stringify(a[field]),
    })),
    hidden: fields.length - shown.length,
  };
}

function valueText(
  t: Translate,
  formatDateTime: (iso: string) => string,
  names: Record<string, string>,
  field: string,
  value: unknown,
): string {
  if (value === null || value === undefined || value === '') {
    return t('audit.value.none');
  }
  if (typeof value === 'boolean') {
    return value ? t('audit.value.yes') : t('audit.value.no');
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('audit.value.none')
      : value.map((v) => valueText(t, formatDateTime, names, field, v)).join(', ');
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      return names[value] ?? t('audit.value.unknownRecord');
    }
    if (ISO_TIME.test(value)) {
      return formatDateTime(value);
    }
    const key = VALUE_KEYS[field]?.(value);
    if (key && isKey(key)) {
      return t(key);
    }
    const role = `role.${value}`;
    if (field === 'roles' && isKey(role)) {
      return t(role);
    }
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return t('audit.value.more', { count: isObject(value) ? Object.keys(value).length : 1 });
}

/** Before and after of one event, as words. */
export function AuditChange({
  before,
  after,
  names,
}: {
  before: unknown;
  after: unknown;
  names: Record<string, string>;
}) {
  const { t, formatDateTime } = useI18n();
  const { rows: changes, hidden } = rows(before, after);
  if (changes.length === 0 && hidden === 0) {
    return <span className="muted">{t('audit.noChange')}</span>;
  }
  const text = (field: string, value: unknown) => valueText(t, formatDateTime, names, field, value);
  return (
    <ul className="audit-change" data-testid="audit-change">
      {changes.map((row) => (
        <li key={row.field}>
          <span className="audit-field">{t(`audit.field.${row.field}` as MessageKey)}:</span>{' '}
          <span data-user-content>
            {row.before !== undefined && row.changed ? (
              <>
                <del>{text(row.field, row.before)}</del> → <ins>{text(row.field, row.after)}</ins>
              </>
            ) : (
              text(row.field, row.after !== undefined ? row.after : row.before)
            )}
          </span>
        </li>
      ))}
      {hidden > 0 && <li className="muted small">{t('audit.value.more', { count: hidden })}</li>}
    </ul>
  );
}
