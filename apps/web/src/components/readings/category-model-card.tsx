import type { ReadingSettings } from '../../api/queries/use-readings';
import { useRetrainCategoryModel } from '../../api/queries/use-readings';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';
import { RelativeTime } from '../relative-time';
import { turkishAccusative } from './turkish-accusative';

/** The category model as the administrator judges it: held-out accuracy in words, when and from what it learned. */
export function CategoryModelCard({ model }: { model: ReadingSettings['categoryModel'] }) {
  const { t, format, language } = useI18n();
  const retrain = useRetrainCategoryModel();
  const measured = model.heldOutAccuracy !== null && model.heldOut > 0;
  let accuracy = '';
  if (measured) {
    const share = model.heldOutAccuracy ?? 0;
    const correct = Math.round(share * model.heldOut);
    const written = format.number(correct);
    accuracy = t('readings.model.accuracy', {
      heldOut: format.number(model.heldOut),
      correct: language === 'tr' ? turkishAccusative(correct, written) : written,
      percent: format.percent(share),
    });
  }
  return (
    <section className="card stack" aria-labelledby="readings-model">
      <h2 id="readings-model">{t('readings.model.title')}</h2>
      {measured ? (
        <>
          <p className="accuracy" data-testid="model-accuracy">
            {accuracy}
          </p>
          <p className="small muted">{t('readings.model.accuracyMeaning')}</p>
        </>
      ) : (
        <p data-testid="model-accuracy">{t('readings.model.notMeasured')}</p>
      )}
      <p data-testid="model-facts">
        {model.trainedAt ? (
          <>
            {t('readings.model.trainedAt')} <RelativeTime iso={model.trainedAt} />.{' '}
          </>
        ) : (
          <>{t('readings.model.neverTrained')} </>
        )}
        {model.examples > 0
          ? t('readings.model.examples', { count: format.number(model.examples) })
          : t('readings.model.noExamples')}
      </p>
      <p className="small muted">{t('readings.model.schedule')}</p>
      <AdminError error={retrain.error} fields={{}} />
      <div className="item-line">
        <button type="button" disabled={retrain.isPending} onClick={() => retrain.mutate()}>
          {retrain.isPending ? t('readings.model.training') : t('readings.model.retrain')}
        </button>
        {retrain.isSuccess && <span role="status">{t('readings.model.retrained')}</span>}
      </div>
    </section>
  );
}
