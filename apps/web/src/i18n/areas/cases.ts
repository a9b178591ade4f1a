/** The cases screens' strings, Turkish first; the compiler checks each has an English twin. */
export const casesTr = {} as const;

export const casesEn: Record<keyof typeof casesTr, string> = {};
