/** Automation rules (issue 26), Turkish first; the compiler checks each has an English twin. */
export const rulesTr = {};

export const rulesEn: Record<keyof typeof rulesTr, string> = {};
