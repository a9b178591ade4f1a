import type { FormEvent } from 'react';
import { useState } from 'react';
import { useContactTags, useSetContactTags } from '../../api/queries/use-contact-tags';
import { useI18n } from '../../i18n/i18n';

/** The citizen's tags (muhtar, basın …) in the conversation details: staff only; automation rules read them. */
export function ContactTagsSection({ contactId, canWork }: { contactId: string; canWork: boolean }) {
  const { t } = useI18n();
  const tags = useContactTags(contactId);
  const save = useSetContactTags(contactId);
  const [draft, setDraft] = useState('');
  const current = save.data?.tags ?? tags.data?.tags ?? [];

  const add = (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim();
    if (tag) {
      save.mutate([...current, tag], { onSuccess: () => setDraft('') });
    }
  };

  return (
    <section className="details-section" aria-labelledby="contact-tags-title" data-testid="contact-tags">
      <h3 id="contact-tags-title">{t('contactTags.title')}</h3>
      <p className="muted small">{t('contactTags.explain')}</p>
      <div className="tags" role="group" aria-labelledby="contact-tags-title">
        {tags.data && current.length === 0 && <span className="muted small">{t('contactTags.none')}</span>}
        {current.map((tag) => (
          <span key={tag} className="tag" data-user-content>
            {tag}
            {canWork && (
              <button
                type="button"
                className="tag-remove"
                aria-label={t('contactTags.remove', { tag })}
                disabled={save.isPending}
                onClick={() => save.mutate(current.filter((x) => x !== tag))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {canWork && (
          <form className="tag-form" onSubmit={add}>
            <input
              aria-label={t('contactTags.addLabel')}
              placeholder={t('contactTags.addLabel')}
              value={draft}
              maxLength={40}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="contact-tag-input"
            />
            <button type="submit" className="secondary" disabled={save.isPending}>
              {t('contactTags.add')}
            </button>
          </form>
        )}
      </div>
      {save.isError && (
        <p role="alert" className="error small">
          {t('contactTags.saveFailed', { reason: save.error.message })}
        </p>
      )}
    </section>
  );
}
