/** The languages a team e-mail is written in: each member's own (app_user.locale), Turkish unless English. */
export type TeamMailLanguage = 'tr' | 'en';

export const teamMailLanguageOf = (locale: string | null | undefined): TeamMailLanguage =>
  locale === 'en' ? 'en' : 'tr';

/** A team member's address and the language they read the product in. */
export interface TeamMemberAddress {
  email: string;
  language: TeamMailLanguage;
}

/** The members' addresses grouped by language, Turkish first: one e-mail per language. */
export function addressesByLanguage(members: TeamMemberAddress[]): [TeamMailLanguage, string[]][] {
  return (['tr', 'en'] as const)
    .map((language): [TeamMailLanguage, string[]] => [
      language,
      members.filter((m) => m.language === language).map((m) => m.email),
    ])
    .filter(([, emails]) => emails.length > 0);
}

/** The words of team e-mails and webhook texts, per language. */
export interface TeamMailTexts {
  urgentSubject(team: string): string;
  conversationSubject(team: string): string;
  urgentLine(terms: string[]): string;
  rule(name: string): string;
  macro(name: string): string;
  account(name: string): string;
  lastMessage(preview: string): string;
  conversation(link: string): string;
  mentionSubject(team: string, watchlist: string): string;
  watchlist(name: string): string;
  author(name: string): string;
  mentionText(excerpt: string): string;
  link(url: string): string;
  mentions(url: string): string;
}

export const TEAM_MAIL_TEXTS: Record<TeamMailLanguage, TeamMailTexts> = {
  tr: {
    urgentSubject: (team) => `ACİL · ${team}: acil bir mesaj sizi bekliyor`,
    conversationSubject: (team) => `${team}: yeni bir konuşma sizi bekliyor`,
    urgentLine: (terms) => `Acil: ${terms.join(', ')}`,
    rule: (name) => `Kural: ${name}`,
    macro: (name) => `Makro: ${name}`,
    account: (name) => `Hesap: ${name}`,
    lastMessage: (preview) => `Son mesaj: ${preview}`,
    conversation: (link) => `Konuşma: ${link}`,
    mentionSubject: (team, watchlist) => `${team}: "${watchlist}" listesine yeni bir bahsetme`,
    watchlist: (name) => `İzleme listesi: ${name}`,
    author: (name) => `Yazan: ${name}`,
    mentionText: (excerpt) => `Metin: ${excerpt}`,
    link: (url) => `Bağlantı: ${url}`,
    mentions: (url) => `Bahsetmeler: ${url}`,
  },
  en: {
    urgentSubject: (team) => `URGENT · ${team}: an urgent message is waiting for you`,
    conversationSubject: (team) => `${team}: a new conversation is waiting for you`,
    urgentLine: (terms) => `Urgent: ${terms.join(', ')}`,
    rule: (name) => `Rule: ${name}`,
    macro: (name) => `Macro: ${name}`,
    account: (name) => `Account: ${name}`,
    lastMessage: (preview) => `Last message: ${preview}`,
    conversation: (link) => `Conversation: ${link}`,
    mentionSubject: (team, watchlist) => `${team}: a new mention on the "${watchlist}" watchlist`,
    watchlist: (name) => `Watchlist: ${name}`,
    author: (name) => `Author: ${name}`,
    mentionText: (excerpt) => `Text: ${excerpt}`,
    link: (url) => `Link: ${url}`,
    mentions: (url) => `Mentions: ${url}`,
  },
};
