import { CaseIntakeSettingsService } from './case-intake-settings.service';
import { CimerDeadlineCalculator } from './cimer-deadline.calculator';
import { ManualCaseNoticeSender } from './manual-case-notice.sender';
import { ManualCaseService } from './manual-case.service';

/** Cases recorded by hand (phone, walk-in, e-mail, CİMER): api-side providers of CasesModule. */
export const INTAKE_PROVIDERS = [
  CaseIntakeSettingsService,
  CimerDeadlineCalculator,
  ManualCaseNoticeSender,
  ManualCaseService,
];
