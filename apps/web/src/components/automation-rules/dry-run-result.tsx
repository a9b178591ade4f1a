import type { RuleDryRun } from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { useRuleWords } from './use-rule-words';

/** The headline's words per what was examined: messages, cases or mentions. */
const HEADLINE: Record<RuleDryRun['over'], { none: MessageKey; some: MessageKey }> = {
  messages: { none: 'rules.tryNone', some: 'rules.tryResult' },
  cases: { none: 'rules.tryCasesNone', some: 'rules.tryCasesResult' },
  mentions: { none: 'rules.tryMentionsNone', some: 'rules.tryMentionsResult' },
};

/** "Dene": how many of the last messages the rule would have run on, and for the newest, what it would have done. */
export function DryRunResult({ result }: { result: RuleDryRun }) {
  const { t, format } = useI18n();
  const words = useRuleWords();
  const headline = HEADLINE[result.over];
  return (
    <div role="status" className="rule-dry-run full" data-testid="rule-dry-run">
      <p>
        <strong>
          {result.matched === 0
            ? t(headline.none, { examined: format.number(result.examined) })
            : t(headline.some, {
                matched: format.number(result.matched),
                examined: format.number(result.examined),
                ms: format.number(result.tookMs),
              })}
        </strong>
        {result.matched > result.matches.length && (
          <span className="muted small"> {t('rules.tryShown', { count: format.number(result.matches.length) })}</span>
        )}
      </p>
      {result.matches.length > 0 && (
        <ol className="rule-dry-run-list">
          {result.matches.map((match) => (
            <li key={match.mentionId ?? match.caseId ?? match.messageId} data-testid="rule-dry-run-match">
              {match.caseNumber && <div className="small">{t('rules.tryCase', { number: match.caseNumber })}</div>}
              <div className="small muted">
                {match.mentionId
                  ? t('rules.tryMentionFrom', {
                      author: match.contactName ?? t('rules.mentionAuthor'),
                      watchlist: match.watchlistName ?? match.accountName,
                      when: format.dateTime(match.sentAt),
                    })
                  : t('rules.tryFrom', {
                      contact: match.contactName ?? t('rules.someone'),
                      account: match.accountName,
                      when: format.dateTime(match.sentAt),
                    })}
              </div>
              <div data-user-content>{match.excerpt ?? t('rules.noText')}</div>
              {match.url && (
                <div className="small">
                  <a href={match.url} target="_blank" rel="noreferrer noopener">
                    {t('rules.tryMentionLink')}
                  </a>
                </div>
              )}
              <div className="small">{t('rules.tryWould', { actions: words.actions(match.actions) })}</div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
