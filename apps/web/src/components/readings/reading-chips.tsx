import type { ConversationView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import './readings.css';

export type ConversationReading = ConversationView['reading'];
type Language = NonNullable<ConversationReading['language']>;
type Sentiment = NonNullable<ConversationReading['sentiment']>;

/**
 * The words that made a message urgent, as the officer reads them ("gaz kokusu, çocuklar"). A phrase
 * matched with a gap ("doğalgaz … kokusu") beside the same words matched together is said once.
 */
export function urgentTerms(urgent: NonNullable<ConversationReading['urgent']>): string {
  const byWords = new Map<string, string>();
  for (const term of urgent.terms) {
    const words = term.replace(/…/g, ' ').replace(/\s+/g, ' ').trim().toLocaleLowerCase('tr-TR');
    const seen = byWords.get(words);
    if (seen === undefined || (seen.includes('…') && !term.includes('…'))) {
      byWords.set(words, term);
    }
  }
  return [...byWords.values()].join(', ');
}

/** A red "Acil" badge; the words that made it so are its tooltip and part of its accessible name. */
export function UrgentBadge({ urgent }: { urgent: NonNullable<ConversationReading['urgent']> }) {
  const { t } = useI18n();
  const terms = urgentTerms(urgent);
  const label = terms ? t('readings.urgentLabel', { terms }) : t('readings.urgent');
  // The visible word is "Acil"; screen readers hear the words too ("Acil: gaz kokusu").
  return (
    <span className="reading-urgent" title={label} data-testid="urgent-badge">
      <span className="reading-icon" aria-hidden="true">
        ▲
      </span>
      {t('readings.urgent')}
      {terms && <span className="visually-hidden">: {terms}</span>}
    </span>
  );
}

/** The language only when it is not Turkish: most messages are, and a chip on each would be noise. */
export function LanguageChip({ language }: { language: Language | null }) {
  const { t } = useI18n();
  if (!language || language === 'tr') {
    return null;
  }
  const name = t(`readings.language.${language}`);
  return (
    <span className="reading-chip" title={t('readings.languageTitle', { language: name })} data-testid="language-chip">
      {name}
    </span>
  );
}

/** A quiet marker for a negative message only; neutral and positive need no attention in the list. */
export function NegativeMarker({ sentiment }: { sentiment: Sentiment | null }) {
  const { t } = useI18n();
  if (sentiment !== 'negative') {
    return null;
  }
  const name = t('readings.sentiment.negative');
  return (
    <span
      className="reading-chip negative"
      title={t('readings.sentimentTitle', { sentiment: name })}
      data-testid="sentiment-chip"
    >
      <span className="reading-icon" aria-hidden="true">
        ☹
      </span>
      {name}
    </span>
  );
}
