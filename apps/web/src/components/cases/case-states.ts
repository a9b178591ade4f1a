import type { CaseStatus } from '../../api/types';

/** Which actions a case's status allows; the API's transition table (libs/cases case-transitions) decides the same. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'in_progress', 'forwarded'];
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const isOpen = (status: CaseStatus) => OPEN_STATUSES.includes(status);
/** Resolved or rejected: may be reopened, the citizen may be told. */
export const isClosed = (status: CaseStatus) => status === 'resolved' || status === 'rejected';
/** "Start" moves to in_progress, which an in-progress case already is. */
export const canStart = (status: CaseStatus) => isOpen(status) && status !== 'in_progress';
