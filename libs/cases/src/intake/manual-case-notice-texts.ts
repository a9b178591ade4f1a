import { CitizenNoticeKind } from '@civic/citizen-loop';
import { CaseStatus } from '@civic/domain';

/** The automatic messages a citizen of a case recorded by hand may get (P1's kinds, same settings). */
export type ManualNoticeKind =
  | CitizenNoticeKind.CaseOpened
  | CitizenNoticeKind.Forwarded
  | CitizenNoticeKind.InProgress
  | CitizenNoticeKind.Resolved
  | CitizenNoticeKind.Rejected;

/** The status a case moved to, as the kind of message the citizen hears about it (others: none). */
export const KIND_OF_STATUS: Partial<Record<CaseStatus, ManualNoticeKind>> = {
  [CaseStatus.Forwarded]: CitizenNoticeKind.Forwarded,
  [CaseStatus.InProgress]: CitizenNoticeKind.InProgress,
  [CaseStatus.Resolved]: CitizenNoticeKind.Resolved,
  [CaseStatus.Rejected]: CitizenNoticeKind.Rejected,
};

const SUBJECTS: Record<ManualNoticeKind, Record<'tr' | 'en', string>> = {
  [CitizenNoticeKind.CaseOpened]: { tr: 'Başvurunuz alındı', en: 'Your request has been registered' },
  [CitizenNoticeKind.Forwarded]: { tr: 'Başvurunuz ilgili kuruma iletildi', en: 'Your request has been forwarded' },
  [CitizenNoticeKind.InProgress]: { tr: 'Başvurunuz üzerinde çalışılıyor', en: 'Work has started on your request' },
  [CitizenNoticeKind.Resolved]: { tr: 'Başvurunuz sonuçlandı', en: 'Your request has been resolved' },
  [CitizenNoticeKind.Rejected]: { tr: 'Başvurunuz hakkında bilgilendirme', en: 'About your request' },
};

const WORDS = {
  tr: {
    dear: (name: string) => `Sayın ${name},`,
    citizen: 'Değerli hemşehrimiz,',
    cimer: (deadline: string) => `CİMER başvurunuz en geç ${deadline} tarihine kadar yanıtlanacaktır.`,
    statusPage: (url: string) => `Başvurunuzun durumunu ${url} adresinden izleyebilirsiniz.`,
    regards: 'Saygılarımızla,',
    why: 'Bu e-postayı, başvurunuz sırasında bilgilendirilmeyi kabul ettiğiniz için alıyorsunuz.',
  },
  en: {
    dear: (name: string) => `Dear ${name},`,
    citizen: 'Dear citizen,',
    cimer: (deadline: string) => `Your CİMER application will be answered by ${deadline} at the latest.`,
    statusPage: (url: string) => `You can follow your request at ${url}.`,
    regards: 'Kind regards,',
    why: 'You receive this e-mail because you agreed to be told about your request when you made it.',
  },
};

export interface ManualNoticeEmailInput {
  kind: ManualNoticeKind;
  language: 'tr' | 'en';
  caseNumber: string;
  organization: string;
  citizenName: string | null;
  /** The organization's text for the kind, rendered (or the officer's own text). */
  text: string;
  /** The CİMER answer deadline in words ("3 Kasım 2026"), for the acknowledgement. */
  cimerDeadline: string | null;
  /** The request's public page (/r/:publicId) when the organization publishes them, else null. */
  statusPage?: string | null;
}

/** The e-mail to the citizen: subject with the case number, a greeting, the message, why they get it. */
export function manualNoticeEmail(input: ManualNoticeEmailInput): { subject: string; body: string } {
  const words = WORDS[input.language];
  const cimer =
    input.kind === CitizenNoticeKind.CaseOpened && input.cimerDeadline ? ` ${words.cimer(input.cimerDeadline)}` : '';
  return {
    subject: `${SUBJECTS[input.kind][input.language]}: ${input.caseNumber}`,
    body: [
      input.citizenName ? words.dear(input.citizenName) : words.citizen,
      '',
      `${input.text}${cimer}`,
      ...(input.statusPage ? ['', words.statusPage(input.statusPage)] : []),
      '',
      words.regards,
      input.organization,
      '',
      words.why,
    ].join('\n'),
  };
}
