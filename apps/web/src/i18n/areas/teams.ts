/** Teams, automatic assignment, presence (issue 26), Turkish first; the compiler checks each has an English twin. */
export const teamsTr = {};

export const teamsEn: Record<keyof typeof teamsTr, string> = {};
