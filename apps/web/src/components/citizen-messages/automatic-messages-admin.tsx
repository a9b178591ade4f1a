import type { FormEvent } from 'react';
import { useMemo, useState } from 'react';
import { useCitizenMessageSettings, useSaveCitizenMessageSettings } from '../../api/queries/use-citizen-messages';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import type { CitizenMessageSettings, MessageLanguage } from './citizen-message-types';
import { KindEditor } from './kind-editor';
import { KindList } from './kind-list';
import { KIND_GROUPS, unknownPlaceholderWords } from './notice-words';
import { AccountGreetingsCard, PrivacyNoticeCard } from './privacy-and-greetings';
import type { FieldId, FieldProblems, KindDraft, SettingsDraft } from './settings-draft';
import { changedKinds, changesOf, draftOf, problemsOfError } from './settings-draft';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';
import './citizen-messages.css';

/**
 * Otomatik mesajlar: each automatic message to citizens on or off, its Turkish and English text with
 * a live preview, its WhatsApp template, the privacy notice link and the per-account greeting. One
 * save sends only what changed; leaving with unsaved changes asks first.
 */
export function AutomaticMessagesAdmin() {
  const query = useCitizenMessageSettings();
  return <QueryState query={query}>{(settings) => <AutomaticMessagesForm settings={settings} />}</QueryState>;
}

type Errors = Partial<Record<FieldId, string>>;

function AutomaticMessagesForm({ settings }: { settings: CitizenMessageSettings }) {
  const { t } = useI18n();
  const saved = useMemo(() => draftOf(settings), [settings]);
  const [draft, setDraft] = useState<SettingsDraft>(saved);
  const order = KIND_GROUPS.flatMap((g) => g.kinds).filter((k) => draft.kinds[k]);
  const [selected, setSelected] = useState(order[0] ?? settings.kinds[0]?.kind ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveCitizenMessageSettings();
  const { body, count } = changesOf(draft, saved);
  const changed = new Set(changedKinds(draft, saved));
  const withErrors = new Set(Object.keys(errors).map((field) => field.split('.')[0]));
  useUnsavedChangesGuard(count > 0, t('cm.leaveConfirm'));

  const edit = (next: SettingsDraft, clear: (field: string) => boolean) => {
    setDraft(next);
    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([field]) => !clear(field))));
    setFormError(null);
    save.reset();
  };
  const editKind = (kind: string, next: KindDraft) =>
    edit({ ...draft, kinds: { ...draft.kinds, [kind]: next } }, (field) => field.startsWith(`${kind}.`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (count === 0) {
      return;
    }
    save.mutate(body, {
      onSuccess: (view) => {
        setDraft(draftOf(view));
        setErrors({});
        setFormError(null);
      },
      onError: (error) => {
        // A field of a kind this form does not show (a list index from the DTO check) is the form's error.
        const problems = problemsOfError(error, (k) => !!draft.kinds[k]);
        if (!problems) {
          setErrors({});
          setFormError(t('cm.saveFailed', { message: error.message }));
          return;
        }
        setErrors(wordsFor(t, problems, settings));
        setFormError(t('cm.saveFailedField'));
        const kind = Object.keys(problems)
          .find((field) => field !== 'privacyNoticeUrl')
          ?.split('.')[0];
        if (kind) {
          setSelected(kind);
        }
      },
    });
  };

  const kind = draft.kinds[selected];
  const placeholders = settings.kinds.find((k) => k.kind === selected)?.placeholders ?? [];
  const errorField = Object.keys(errors).find((f) => f.startsWith(`${selected}.`)) ?? '';

  return (
    <form className="cm-screen" aria-labelledby="cm-title" noValidate onSubmit={submit} data-testid="cm-form">
      <div className="cm-intro">
        <div>
          <h2 id="cm-title">{t('cm.title')}</h2>
          <p className="small muted">{t('cm.explain')}</p>
        </div>
        <label className="cm-stacked">
          {t('cm.defaultLanguage')}
          <select
            value={draft.defaultLanguage}
            onChange={(e) => edit({ ...draft, defaultLanguage: e.target.value as MessageLanguage }, () => false)}
          >
            <option value="tr">{t('cm.language.tr')}</option>
            <option value="en">{t('cm.language.en')}</option>
          </select>
        </label>
      </div>
      <div className="cm-layout">
        <KindList
          kinds={draft.kinds}
          selected={selected}
          changed={changed}
          withErrors={withErrors}
          onSelect={setSelected}
          onToggle={(k, enabled) => editKind(k, { ...draft.kinds[k], enabled })}
        />
        {kind && (
          <KindEditor
            key={`${selected}:${errorField}`}
            kind={selected}
            draft={kind}
            placeholders={placeholders}
            errors={errors}
            onChange={(next) => editKind(selected, next)}
          />
        )}
      </div>
      <div className="cm-side">
        <PrivacyNoticeCard
          draft={draft}
          error={errors.privacyNoticeUrl ?? null}
          onChange={(next) => edit({ ...draft, ...next }, (field) => field === 'privacyNoticeUrl')}
        />
        <AccountGreetingsCard
          accounts={settings.accounts}
          draft={draft}
          onChange={(accountId, on) =>
            edit({ ...draft, accounts: { ...draft.accounts, [accountId]: on } }, () => false)
          }
        />
      </div>
      <div className={`cm-save-bar${count > 0 ? ' dirty' : ''}`} data-testid="cm-save-bar">
        <div className="cm-save-status" aria-live="polite">
          {formError ? (
            <span role="alert" className="error" data-testid="cm-save-error">
              {formError}
            </span>
          ) : save.isSuccess && count === 0 ? (
            <span role="status" className="ok" data-testid="cm-saved">
              ✓ {t('cm.saved')}
            </span>
          ) : count > 0 ? (
            <span className="cm-unsaved">{t('cm.unsaved', { count })}</span>
          ) : (
            <span className="muted">{t('cm.noChanges')}</span>
          )}
        </div>
        <button
          type="button"
          className="secondary"
          disabled={count === 0 || save.isPending}
          onClick={() => edit(saved, () => true)}
        >
          {t('cm.discard')}
        </button>
        <button type="submit" disabled={count === 0 || save.isPending}>
          {save.isPending ? t('cm.saving') : t('cm.save')}
        </button>
      </div>
    </form>
  );
}

/** Each refused field's problem as a sentence in the user's language. */
function wordsFor(t: Translate, problems: FieldProblems, settings: CitizenMessageSettings): Errors {
  const errors: Errors = {};
  for (const [field, unknown = []] of Object.entries(problems) as [FieldId, string[] | undefined][]) {
    if (field === 'privacyNoticeUrl') {
      errors[field] = t('cm.privacy.invalid');
    } else if (field.endsWith('.template')) {
      errors[field] = t('cm.template.invalid');
    } else if (unknown.length === 0) {
      errors[field] = t('admin.form.invalidValue');
    } else {
      const allowed = settings.kinds.find((k) => k.kind === field.split('.')[0])?.placeholders ?? [];
      errors[field] = unknownPlaceholderWords(t, unknown, allowed);
    }
  }
  return errors;
}
