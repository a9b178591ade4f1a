import type { Feedback } from './use-case-runner';

/** A case action's outcome, announced: success politely, failure as an alert. */
export function ActionFeedback({ feedback }: { feedback: Feedback | null }) {
  if (!feedback) {
    return null;
  }
  return feedback.ok ? (
    <p role="status" className="small ok" data-testid="action-ok">
      {feedback.text}
    </p>
  ) : (
    <p role="alert" className="small error" data-testid="action-error">
      {feedback.text}
    </p>
  );
}
