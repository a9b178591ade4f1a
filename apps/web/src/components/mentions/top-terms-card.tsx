import type { MentionFilter } from '../../api/queries/use-mentions';
import { useTopMentionTerms } from '../../api/queries/use-mentions';
import { useI18n } from '../../i18n/i18n';
import { RankList } from '../overview/rank-list';
import { QueryState } from '../query-state';

/** The words said together with the watched names: what the talk is about (the API folds and drops stop words). */
export function TopTermsCard({ filter }: { filter: MentionFilter }) {
  const { t, format } = useI18n();
  const query = useTopMentionTerms(filter);
  return (
    <section className="card" aria-labelledby="terms-title" data-testid="mention-terms">
      <h2 id="terms-title">{t('mayor.terms.title')}</h2>
      <p className="small muted">{t('mayor.terms.explain')}</p>
      <QueryState query={query}>
        {(terms) =>
          terms.length === 0 ? (
            <p className="muted">{t('mayor.terms.none')}</p>
          ) : (
            <RankList
              tone="terms"
              testId="mention-term-list"
              items={terms.map((term) => ({
                key: term.term,
                label: <span data-user-content>{term.label}</span>,
                value: term.count,
                detail: t('mayor.terms.count', { count: format.number(term.count) }),
              }))}
            />
          )
        }
      </QueryState>
    </section>
  );
}
