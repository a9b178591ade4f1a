/** The workspace screens' strings, Turkish first; the compiler checks each has an English twin. */
export const workspaceTr = {} as const;

export const workspaceEn: Record<keyof typeof workspaceTr, string> = {};
