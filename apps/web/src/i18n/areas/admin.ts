/** The admin screens' strings, Turkish first; the compiler checks each has an English twin. */
export const adminTr = {} as const;

export const adminEn: Record<keyof typeof adminTr, string> = {};
