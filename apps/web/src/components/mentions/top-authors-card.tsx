import type { MentionFilter } from '../../api/queries/use-mentions';
import { useTopMentionAuthors } from '../../api/queries/use-mentions';
import { useI18n } from '../../i18n/i18n';
import { ChannelBadge } from '../badges';
import { QueryState } from '../query-state';

export function TopAuthorsCard({ filter }: { filter: MentionFilter }) {
  const { t, format } = useI18n();
  const query = useTopMentionAuthors(filter);
  return (
    <section className="card" aria-labelledby="authors-title">
      <h2 id="authors-title">{t('mentions.topAuthors')}</h2>
      <QueryState query={query}>
        {(authors) =>
          authors.length === 0 ? (
            <p className="muted">{t('mentions.empty')}</p>
          ) : (
            <ol className="authors">
              {authors.map((a) => (
                <li key={`${a.channel}-${a.externalId}`}>
                  <ChannelBadge channel={a.channel} /> <span data-user-content>{a.name ?? a.handle}</span>{' '}
                  {a.handle && (
                    <span className="muted" data-user-content>
                      @{a.handle}
                    </span>
                  )}{' '}
                  · <strong>{t('mayor.terms.count', { count: format.number(a.count) })}</strong>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
