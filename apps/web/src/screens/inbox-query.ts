export interface Filters {
  q: string;
  channel: string;
  accountId: string;
  status: string;
  assignee: string;
  /** '' | 'mine' | 'mine-queue' (my teams' unassigned) | a team id. */
  team: string;
  unread: boolean;
  /** Only conversations with a reply held for approval. */
  awaitingApproval: boolean;
  /** Only conversations with an urgent message waiting for an answer. */
  urgent: boolean;
  /** '' | the latest message's language (tr, ku, ar, en, other). */
  language: string;
  /** '' | the latest message's sentiment (negative, neutral, positive). */
  sentiment: string;
}

/** The officer's day starts with what is still open; "Tümü" is one choice away. */
export const DEFAULT_FILTERS: Filters = {
  q: '',
  channel: '',
  accountId: '',
  status: 'open',
  assignee: '',
  team: '',
  unread: false,
  awaitingApproval: false,
  urgent: false,
  language: '',
  sentiment: '',
};
/** The API's largest page: fewer round trips while the officer scrolls through thousands. */
export const PAGE = 100;

/** The list's query string (newest activity first is the API's order). */
export function queryOf(filters: Filters): string {
  const params = new URLSearchParams({ limit: String(PAGE) });
  if (filters.q.trim().length >= 2) {
    params.set('q', filters.q.trim());
  }
  for (const key of ['channel', 'accountId', 'status', 'assignee', 'language', 'sentiment'] as const) {
    if (filters[key]) {
      params.set(key, filters[key]);
    }
  }
  if (filters.team) {
    params.set('team', filters.team === 'mine-queue' ? 'mine' : filters.team);
    if (filters.team === 'mine-queue') {
      params.set('assignee', 'nobody');
    }
  }
  if (filters.unread) {
    params.set('unread', 'true');
  }
  if (filters.awaitingApproval) {
    params.set('awaitingApproval', 'true');
  }
  if (filters.urgent) {
    params.set('urgent', 'true');
  }
  return params.toString();
}

/** The API pins urgent conversations first unless the list is searched or filtered by urgency. */
export function pinsUrgent(filters: Filters): boolean {
  return filters.q.trim().length < 2 && !filters.urgent;
}
