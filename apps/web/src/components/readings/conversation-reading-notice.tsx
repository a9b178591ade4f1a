import { useI18n } from '../../i18n/i18n';
import { RelativeTime } from '../relative-time';
import type { ConversationReading } from './reading-chips';
import { urgentTerms } from './reading-chips';

/**
 * Under the conversation's title: why it is urgent (the words that made it so, since when) and the
 * language and sentiment of the citizen's latest message.
 */
export function ConversationReadingNotice({ reading }: { reading: ConversationReading }) {
  const { t } = useI18n();
  const { urgent, language, sentiment } = reading;
  return (
    <>
      {urgent && (
        <p className="reading-notice urgent" data-testid="urgent-notice">
          <strong>
            {urgent.terms.length > 0
              ? t('readings.urgentBecause', { terms: urgentTerms(urgent) })
              : t('readings.urgent')}
          </strong>
          <span>
            {t('readings.urgentWaiting')} <RelativeTime iso={urgent.since} />
          </span>
          <span className="muted">{t('readings.urgentEnds')}</span>
        </p>
      )}
      {(language || sentiment) && (
        <p className="reading-notice" data-testid="reading-facts">
          <span className="muted">{t('readings.latest')}:</span>
          {language && (
            <span
              className="reading-chip"
              title={t('readings.languageTitle', { language: t(`readings.language.${language}`) })}
            >
              {t(`readings.language.${language}`)}
            </span>
          )}
          {sentiment && (
            <span
              className={`reading-chip${sentiment === 'negative' ? ' negative' : ''}`}
              title={t('readings.sentimentTitle', { sentiment: t(`readings.sentiment.${sentiment}`) })}
            >
              {t(`readings.sentiment.${sentiment}`)}
            </span>
          )}
        </p>
      )}
    </>
  );
}
