/** Readable case numbers: the cases list's search by number, Turkish first; the compiler checks each has an English twin. */
export const caseNumbersTr = {
  'cases.filter.number': 'Başvuru no',
  'cases.filter.numberHint': 'Örneğin 2026-000123 ya da 2026-123',
};

export const caseNumbersEn: Record<keyof typeof caseNumbersTr, string> = {
  'cases.filter.number': 'Case number',
  'cases.filter.numberHint': 'For example 2026-000123 or 2026-123',
};
