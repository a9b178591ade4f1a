import type { QueueDefinition } from '@civic/queue';

/** Job data of one e-mail to the citizen of a case recorded by hand: the case_citizen_mail row. */
export interface CaseCitizenMailJob {
  organizationId: string;
  mailId: string;
}

export const CASE_CITIZEN_MAIL_QUEUE: QueueDefinition = {
  name: 'case.citizen_mail',
  retryLimit: 6,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 60,
};
