/** What the department's e-mail about a "not solved" answer names. */
export interface NotSolvedMailInput {
  caseNumber: string;
  category: string;
  department: string | null;
  /** 1-5, or null when the citizen only said it is not solved. */
  rating: number | null;
  /** The citizen's own words, as they wrote them. */
  comment: string | null;
  /** The case in the web inbox: PUBLIC_URL + /cases/<id> (the path alone without PUBLIC_URL). */
  link: string;
  organization: string;
}

/**
 * The e-mail to a department (and the case's assignee) when the citizen answers the satisfaction
 * question with "not solved": Turkish first, each line's English twin below it (the organization
 * has no staff-language setting, and officers read Turkish).
 */
export function notSolvedMail(input: NotSolvedMailInput): { subject: string; body: string } {
  const rating = input.rating === null ? null : `${input.rating} / 5`;
  const words = input.comment?.trim() || null;
  const lines = [
    `${input.caseNumber} numaralı başvurunun vatandaşı sorunun çözülmediğini bildirdi; başvuru yeniden açıldı.`,
    `The citizen of request ${input.caseNumber} says the problem is not solved; the request was reopened.`,
    '',
    `Başvuru no / Request no: ${input.caseNumber}`,
    `Kategori / Category: ${input.category}`,
    ...(input.department ? [`Müdürlük / Department: ${input.department}`] : []),
    `Vatandaşın puanı / Citizen's rating: ${rating ?? 'puan verilmedi / no rating given'}`,
    `Vatandaşın sözleri / Citizen's words: ${words ? `"${words}"` : '—'}`,
    '',
    `Başvuruyu açın / Open the request: ${input.link}`,
    '',
    input.organization,
    'Bu e-posta civic-inbox tarafından otomatik gönderildi. / This e-mail was sent automatically by civic-inbox.',
  ];
  return {
    subject: `Vatandaş "çözülmedi" dedi / Citizen says not solved: ${input.caseNumber} (${input.category})`,
    body: lines.join('\n'),
  };
}
