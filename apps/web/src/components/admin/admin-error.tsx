import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';

/**
 * A failed administration write in the user's language. Coded errors come worded by the API in the
 * language asked for; a validation failure lists English field problems, so each is shown as the
 * form's own label ("SLA süresi (saat): değer geçersiz") instead.
 */
export function AdminError({
  error,
  fields,
  messages = {},
}: {
  error: Error | null;
  fields: Record<string, MessageKey>;
  /** A field's own sentence instead of "<label>: invalid value" (e.g. "Choose at least one role"). */
  messages?: Record<string, MessageKey>;
}) {
  const { t } = useI18n();
  if (!error) {
    return null;
  }
  return (
    <p role="alert" className="error full" data-testid="admin-error">
      {describe(error, fields, messages, t)}
    </p>
  );
}

function describe(
  error: Error,
  fields: Record<string, MessageKey>,
  messages: Record<string, MessageKey>,
  t: (key: MessageKey, params?: Record<string, string>) => string,
): string {
  const body = error instanceof ApiError ? (error.body as { code?: string; details?: { errors?: unknown } }) : null;
  const problems = body?.code === 'validation_failed' ? body.details?.errors : null;
  if (!Array.isArray(problems)) {
    return t('common.error', { message: error.message });
  }
  const labels = problems.map((problem) => {
    const field = /^(?:each value in )?(\w+)/.exec(String(problem))?.[1] ?? '';
    if (field in messages) {
      return t(messages[field]);
    }
    return field in fields ? t('admin.form.invalidField', { field: t(fields[field]) }) : t('admin.form.invalidValue');
  });
  return [...new Set(labels)].join(' ');
}
