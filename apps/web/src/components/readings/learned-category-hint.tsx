import type { CaseSuggestion } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import './readings.css';

/** A conversation's stored reading, or a hand-recorded case's text read now (no message). */
type Learned = Omit<NonNullable<CaseSuggestion['learned']>, 'messageId'>;

/**
 * The learned model's category for the citizen's latest message, beside the keyword rules' one:
 * the category's name, how sure the model is and the words that weighed most; one click picks it.
 */
export function LearnedCategoryHint({
  learned,
  picked,
  onPick,
}: {
  learned: Learned;
  picked: boolean;
  onPick(categoryId: string): void;
}) {
  const { t, format } = useI18n();
  return (
    <div className="learned-hint" data-testid="learned-suggestion">
      <p>
        {t('readings.learned.label', {
          name: learned.category.name,
          percent: format.percent(learned.confidence),
        })}
      </p>
      {learned.words.length > 0 && (
        <p className="small muted">{t('readings.learned.words', { words: learned.words.join(', ') })}</p>
      )}
      <button
        type="button"
        className="secondary"
        data-action="pick-learned-category"
        disabled={picked}
        aria-pressed={picked}
        onClick={() => onPick(learned.category.id)}
      >
        {picked ? t('readings.learned.picked') : t('readings.learned.pick')}
      </button>
    </div>
  );
}
