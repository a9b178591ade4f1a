/** Case deadlines: at risk and late (issue 25), Turkish first; the compiler checks each has an English twin. */
export const caseDeadlinesTr = {};

export const caseDeadlinesEn: Record<keyof typeof caseDeadlinesTr, string> = {};
