import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../api/queries/query-keys';
import { useConversationCases } from '../api/queries/use-cases';
import type { CaseCategory, CaseSuggestion } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { CaseCard } from './case-card';
import { LearnedCategoryHint } from './readings/learned-category-hint';

/** The conversation's cases (başvuru): open one with a category, resolve it with the citizen message. */
export function CasePanel({ conversationId, canWork }: { conversationId: string; canWork: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  // Under the cases prefix: live events and changes anywhere refetch it.
  const cases = useConversationCases(conversationId).data?.items ?? [];
  const [categories, setCategories] = useState<CaseCategory[]>([]);
  const [category, setCategory] = useState('');
  const [suggested, setSuggested] = useState<string | null>(null);
  const [learned, setLearned] = useState<CaseSuggestion['learned']>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const [description, setDescription] = useState('');
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.cases }), [client]);
  useEffect(() => {
    setOpening(false);
    setCategory('');
    setSuggested(null);
    setLearned(null);
  }, [conversationId]);

  // The form an officer opened (by click or by the c shortcut) takes the focus, so typing goes on there.
  useEffect(() => {
    if (opening) {
      categoryRef.current?.focus();
    }
  }, [opening]);

  const startOpening = async () => {
    setOpening(true);
    try {
      const [all, hint] = await Promise.all([
        categories.length ? Promise.resolve(categories) : api.request<CaseCategory[]>('/api/v1/case-categories'),
        api
          .request<Pick<CaseSuggestion, 'suggestion' | 'learned'>>(
            `/api/v1/cases/suggest?conversationId=${conversationId}`,
          )
          .catch(() => ({ suggestion: null, learned: null })),
      ]);
      setCategories(all.filter((c) => c.active));
      if (hint.suggestion) {
        setCategory(hint.suggestion.category.id);
        setSuggested(hint.suggestion.category.name);
      }
      setLearned(hint.learned ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.request('/api/v1/cases', {
        method: 'POST',
        body: JSON.stringify({
          conversationId,
          category,
          ...(description.trim() ? { description: description.trim() } : {}),
        }),
      });
      setOpening(false);
      setDescription('');
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="case-panel" aria-labelledby="case-panel-title" data-testid="case-panel">
      <div className="item-line">
        <h3 id="case-panel-title">{t('case.section')}</h3>
        {canWork && !opening && (
          <button type="button" className="secondary" data-action="start-case" onClick={() => void startOpening()}>
            {t('case.open')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {t('common.error', { message: error })}
        </p>
      )}
      {cases.length === 0 && !opening && <p className="muted small">{t('case.none')}</p>}
      {cases.map((c) => (
        <CaseCard key={c.id} item={c} canWork={canWork} onChanged={() => void load()} />
      ))}
      {opening && (
        <form className="case-open" onSubmit={(e) => void submit(e)} aria-label={t('case.open')}>
          {suggested && <p className="small muted">{t('case.suggested', { name: suggested })}</p>}
          {learned && (
            <LearnedCategoryHint
              learned={learned}
              picked={category === learned.category.id}
              onPick={(id) => setCategory(id)}
            />
          )}
          <label>
            {t('case.category')}
            <select ref={categoryRef} required value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">…</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('case.description')}
            <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <button type="submit" disabled={!category}>
            {t('case.create')}
          </button>
        </form>
      )}
    </section>
  );
}
