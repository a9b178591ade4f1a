/** Macros (issue 26), Turkish first; the compiler checks each has an English twin. */
export const macrosTr = {};

export const macrosEn: Record<keyof typeof macrosTr, string> = {};
