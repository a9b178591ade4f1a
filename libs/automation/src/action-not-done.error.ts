/**
 * Thrown by an action that did nothing: `skipped` when there was nothing to do (the case is already
 * open), `failed` when it could not be done (the team feature is missing, the channel refused the
 * reply). `reason` is a stable code the web words in Turkish.
 */
export class ActionNotDoneError extends Error {
  constructor(
    readonly result: 'skipped' | 'failed',
    readonly reason: string,
  ) {
    super(`${result}: ${reason}`);
  }
}
