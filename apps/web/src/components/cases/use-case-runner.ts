import { useEffect, useState } from 'react';
import { useCaseAction } from '../../api/queries/use-cases';
import { useI18n } from '../../i18n/i18n';

export interface Feedback {
  ok: boolean;
  text: string;
}

type Request = Parameters<ReturnType<typeof useCaseAction>['mutateAsync']>[0];

/** Runs one case action and keeps its outcome: the success sentence, or the API's coded error message. */
export function useCaseRunner() {
  const { t, language } = useI18n();
  const action = useCaseAction();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // The outcome was worded in the language of the moment: a switch drops it rather than mix languages.
  useEffect(() => setFeedback(null), [language]);
  /** `success` is the sentence to show, or reads the answer (a refused citizen notification is not a success). */
  const run = async (request: Request, success: string | ((answer: unknown) => Feedback)): Promise<boolean> => {
    setFeedback(null);
    try {
      const answer = await action.mutateAsync(request);
      const outcome = typeof success === 'string' ? { ok: true, text: success } : success(answer);
      setFeedback(outcome);
      return outcome.ok;
    } catch (e) {
      setFeedback({ ok: false, text: t('common.error', { message: (e as Error).message }) });
      return false;
    }
  };
  return { run, feedback, busy: action.isPending };
}
