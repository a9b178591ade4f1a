/** The list screens' strings, Turkish first; the compiler checks each has an English twin. */
export const listTr = {} as const;

export const listEn: Record<keyof typeof listTr, string> = {};
