import { CaseStatus } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';

const S = CaseStatus;

/**
 * Which status may follow which. Reopening takes a resolved or rejected case back to in_progress.
 * Only an open case can be merged into another, and a merged case is final.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  [S.New]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected, S.Merged],
  [S.Assigned]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected, S.Merged],
  [S.InProgress]: [S.Assigned, S.Forwarded, S.Resolved, S.Rejected, S.Merged],
  [S.Forwarded]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected, S.Merged],
  [S.Resolved]: [S.InProgress],
  [S.Rejected]: [S.InProgress],
  [S.Merged]: [],
};

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!CASE_TRANSITIONS[from].includes(to)) {
    throw new DomainError(ErrorCode.CaseTransitionNotAllowed, { from, to });
  }
}
