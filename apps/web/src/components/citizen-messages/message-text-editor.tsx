import { useRef } from 'react';
import { ApiError } from '../../api/client';
import { useCitizenMessagePreview } from '../../api/queries/use-citizen-messages';
import { useI18n } from '../../i18n/i18n';
import type { MessageLanguage } from './citizen-message-types';
import { placeholderName, unknownPlaceholderWords } from './notice-words';
import { unknownPlaceholders } from './settings-draft';

/**
 * One text of one kind in one language: the text area, its placeholders as buttons that insert
 * `{caseNumber}` at the cursor, and the server's rendering of the draft as the citizen's chat shows it.
 */
export function MessageTextEditor({
  kind,
  language,
  text,
  placeholders,
  error,
  onChange,
}: {
  kind: string;
  language: MessageLanguage;
  text: string;
  placeholders: string[];
  /** A refused save's words about this text, shown beside it. */
  error: string | null;
  onChange(text: string): void;
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownPlaceholders(text, placeholders);
  const preview = useCitizenMessagePreview(kind, language, text, unknown.length === 0);
  const id = `cm-text-${kind}-${language}`;
  const empty = text.trim() === '';
  const problem = error ?? (unknown.length > 0 ? unknownPlaceholderWords(t, unknown, placeholders) : null);
  // A 400 is the text's own problem (shown at the text); anything else is the preview's.
  const previewProblem =
    unknown.length > 0 || (preview.isError && preview.error instanceof ApiError && preview.error.status === 400)
      ? t('cm.previewBlocked')
      : !empty && preview.isError
        ? t('cm.previewFailed', { message: preview.error.message })
        : null;

  const insert = (placeholder: string) => {
    const token = `{${placeholder}}`;
    const field = area.current;
    const start = field?.selectionStart ?? text.length;
    const end = field?.selectionEnd ?? text.length;
    onChange(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="cm-text-editor">
      <div className="cm-text-column">
        <label htmlFor={id} className="cm-field-label">
          {t('cm.text', { language: t(`cm.language.${language}`) })}
        </label>
        <textarea
          id={id}
          ref={area}
          rows={5}
          value={text}
          data-testid="cm-text"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
        {problem && (
          <p id={`${id}-error`} className="error small cm-field-error" role="alert" data-testid="cm-field-error">
            {problem}
          </p>
        )}
        <p id={`${id}-hint`} className="small muted">
          {empty ? t('cm.textEmpty') : language === 'en' ? t('cm.textHint') : t('cm.placeholdersHint')}
        </p>
        {placeholders.length > 0 && (
          <div className="cm-chips" role="group" aria-label={t('cm.placeholders')}>
            <span className="small muted">{t('cm.placeholders')}</span>
            {placeholders.map((p, index) => (
              <button
                key={p}
                type="button"
                className="cm-chip"
                data-placeholder={p}
                aria-label={t('cm.insertNamed', { name: placeholderName(t, p, index) })}
                onClick={() => insert(p)}
              >
                <span aria-hidden="true">+</span> {placeholderName(t, p, index)}
              </button>
            ))}
          </div>
        )}
      </div>
      <figure className="cm-phone" aria-labelledby={`${id}-preview`}>
        <figcaption id={`${id}-preview`} className="small">
          <strong>{t('cm.preview')}</strong> <span className="muted">· {t('cm.previewHint')}</span>
        </figcaption>
        <div className="cm-chat" aria-live="polite" aria-busy={preview.isFetching || preview.settling}>
          {previewProblem ? (
            <p className="error small" data-testid="cm-preview-error">
              {previewProblem}
            </p>
          ) : empty ? (
            <p className="muted small">{t('cm.textEmpty')}</p>
          ) : preview.data ? (
            <div className="cm-bubble" data-testid="cm-preview" data-user-content>
              <p>{preview.data.text}</p>
            </div>
          ) : (
            <p className="muted small">{t('cm.previewBusy')}</p>
          )}
        </div>
      </figure>
    </div>
  );
}
