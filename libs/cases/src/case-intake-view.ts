import type { CaseSource } from '@civic/domain';

/** The citizen of a case recorded by hand (no social contact): what they gave the officer. */
export interface CaseCitizenView {
  name: string | null;
  phone: string | null;
  email: string | null;
  /** Agreed to be told about the case (WhatsApp template or e-mail). */
  consent: boolean;
  consentAt: string | null;
}

/** A CİMER application: its number, date, and the answer deadline counted in working days. */
export interface CaseCimerView {
  applicationNumber: string;
  /** The application date (YYYY-MM-DD, a calendar date). */
  applicationDate: string;
  answerDueAt: string;
}

/** How the case arrived, and what a case recorded by hand carries beside a social one. */
export interface CaseIntakeView {
  source: CaseSource;
  citizen: CaseCitizenView | null;
  cimer: CaseCimerView | null;
}

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** Reads the intake columns of a civic_case row (CASE_SELECT's k.*). */
export function toCaseIntakeView(r: Record<string, any>): CaseIntakeView {
  const hasCitizen = r.citizen_name !== null || r.citizen_phone !== null || r.citizen_email !== null;
  return {
    source: r.source,
    citizen: hasCitizen
      ? {
          name: r.citizen_name,
          phone: r.citizen_phone,
          email: r.citizen_email,
          consent: r.contact_consent,
          consentAt: iso(r.contact_consent_at),
        }
      : null,
    cimer:
      r.cimer_application_number !== null
        ? {
            applicationNumber: r.cimer_application_number,
            applicationDate: calendarDate(r.cimer_application_date),
            answerDueAt: iso(r.answer_due_at)!,
          }
        : null,
  };
}

/** A PostgreSQL `date` as node-postgres returns it (a local-midnight Date or a string), as YYYY-MM-DD. */
export function calendarDate(value: Date | string): string {
  if (typeof value === 'string') {
    return value.slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
