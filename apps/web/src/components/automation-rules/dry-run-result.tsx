import type { RuleDryRun } from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import { useRuleWords } from './use-rule-words';

/** "Dene": how many of the last messages the rule would have run on, and for the newest, what it would have done. */
export function DryRunResult({ result }: { result: RuleDryRun }) {
  const { t, format } = useI18n();
  const words = useRuleWords();
  const cases = result.over === 'cases';
  return (
    <div role="status" className="rule-dry-run full" data-testid="rule-dry-run">
      <p>
        <strong>
          {result.matched === 0
            ? t(cases ? 'rules.tryCasesNone' : 'rules.tryNone', { examined: format.number(result.examined) })
            : t(cases ? 'rules.tryCasesResult' : 'rules.tryResult', {
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
            <li key={match.caseId ?? match.messageId} data-testid="rule-dry-run-match">
              {match.caseNumber && <div className="small">{t('rules.tryCase', { number: match.caseNumber })}</div>}
              <div className="small muted">
                {t('rules.tryFrom', {
                  contact: match.contactName ?? t('rules.someone'),
                  account: match.accountName,
                  when: format.dateTime(match.sentAt),
                })}
              </div>
              <div data-user-content>{match.excerpt ?? t('rules.noText')}</div>
              <div className="small">{t('rules.tryWould', { actions: words.actions(match.actions) })}</div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
