import { useReadingSettings } from '../../api/queries/use-readings';
import { useI18n } from '../../i18n/i18n';
import { QueryState } from '../query-state';
import { CategoryModelCard } from './category-model-card';
import { SuggestionThresholdForm } from './suggestion-threshold-form';
import './readings.css';

/** Mesaj okuma: what the readings do, the category model's measured accuracy and retraining, the threshold. */
export function ReadingsAdmin() {
  const { t } = useI18n();
  const query = useReadingSettings();
  return (
    <div className="stack readings-admin">
      <p className="small muted">{t('readings.admin.explain')}</p>
      <QueryState query={query}>
        {(settings) => (
          <>
            <CategoryModelCard model={settings.categoryModel} />
            <SuggestionThresholdForm threshold={settings.suggestionThreshold} />
          </>
        )}
      </QueryState>
    </div>
  );
}
