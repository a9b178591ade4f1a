import { ConflictException } from '@nestjs/common';
import { CaseStatus } from '@civic/domain';

const S = CaseStatus;

/** Which status may follow which. Reopening takes a resolved or rejected case back to in_progress. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  [S.New]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected],
  [S.Assigned]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected],
  [S.InProgress]: [S.Assigned, S.Forwarded, S.Resolved, S.Rejected],
  [S.Forwarded]: [S.Assigned, S.InProgress, S.Forwarded, S.Resolved, S.Rejected],
  [S.Resolved]: [S.InProgress],
  [S.Rejected]: [S.InProgress],
};

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!CASE_TRANSITIONS[from].includes(to)) {
    throw new ConflictException(`Başvuru durumu ${from} iken ${to} yapılamaz (a case cannot go from ${from} to ${to})`);
  }
}
