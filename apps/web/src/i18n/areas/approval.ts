/** Reply approval (issue 26), Turkish first; the compiler checks each has an English twin. */
export const approvalTr = {};

export const approvalEn: Record<keyof typeof approvalTr, string> = {};
