import type { CasePriority, CaseSource } from '@civic/domain';
import type { CaseLocationInput } from '../case-opening.service';

export interface ManualCaseCitizenInput {
  name?: string;
  phone?: string;
  email?: string;
  /** The citizen agreed to be told about the case (WhatsApp template to the phone, or e-mail). */
  consent?: boolean;
}

export interface ManualCaseCimerInput {
  applicationNumber: string;
  /** YYYY-MM-DD, the date CİMER gives for the application. */
  applicationDate: string;
}

/** A request recorded by an officer: phone, walk-in, e-mail, CİMER or other (never social). */
export interface ManualCaseInput {
  source: CaseSource;
  citizen?: ManualCaseCitizenInput;
  cimer?: ManualCaseCimerInput;
  category: string;
  departmentId?: string;
  description: string;
  priority?: CasePriority;
  location?: CaseLocationInput;
}
