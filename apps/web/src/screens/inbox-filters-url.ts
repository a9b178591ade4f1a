import { CHANNELS } from '../api/channels';
import type { Filters } from './inbox-query';
import { DEFAULT_FILTERS } from './inbox-query';

/** "Tümü" for the status: the default is open, so all statuses need a word of their own in the address. */
const ALL_STATUSES = 'all';
const CHOICES: Partial<Record<keyof Filters, readonly string[]>> = {
  channel: CHANNELS,
  status: ['open', 'pending', 'resolved', 'closed'],
  language: ['tr', 'ku', 'ar', 'en', 'other'],
  sentiment: ['negative', 'neutral', 'positive'],
};
const TEXTS = ['q', 'channel', 'accountId', 'assignee', 'team', 'language', 'sentiment'] as const;
const FLAGS = ['unread', 'awaitingApproval', 'urgent'] as const;

/**
 * The inbox's filters from the address (/inbox?status=all&urgent=true&language=ar), so a reload or a
 * shared link shows the same list; a value the list does not offer is left at its default.
 */
export function filtersFromSearch(search: URLSearchParams): Filters {
  const filters: Filters = { ...DEFAULT_FILTERS };
  for (const key of TEXTS) {
    const value = search.get(key);
    if (value && (!CHOICES[key] || CHOICES[key].includes(value))) {
      filters[key] = value;
    }
  }
  const status = search.get('status');
  if (status === ALL_STATUSES) {
    filters.status = '';
  } else if (status && CHOICES.status!.includes(status)) {
    filters.status = status;
  }
  for (const key of FLAGS) {
    filters[key] = search.get(key) === 'true';
  }
  return filters;
}

/** The address's query for the filters: only what differs from the defaults, so the plain inbox stays /inbox. */
export function searchOfFilters(filters: Filters): string {
  const search = new URLSearchParams();
  for (const key of TEXTS) {
    if (filters[key] && filters[key] !== DEFAULT_FILTERS[key]) {
      search.set(key, filters[key]);
    }
  }
  if (filters.status !== DEFAULT_FILTERS.status) {
    search.set('status', filters.status || ALL_STATUSES);
  }
  for (const key of FLAGS) {
    if (filters[key]) {
      search.set(key, 'true');
    }
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}
