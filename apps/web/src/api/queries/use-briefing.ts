import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

export type Briefing = components['schemas']['Briefing'];

export interface BriefingChoice {
  /** Empty: the whole district. */
  neighbourhoodId: string;
  /** Local days (yyyy-mm-dd), both included. */
  from: string;
  to: string;
}

export function briefingQueryString(choice: BriefingChoice): string {
  const params = new URLSearchParams({ from: choice.from, to: choice.to });
  if (choice.neighbourhoodId) {
    params.set('neighbourhoodId', choice.neighbourhoodId);
  }
  return params.toString();
}

/** The mayor's briefing for a neighbourhood (or the district) and a period. */
export function useBriefing(choice: BriefingChoice, enabled: boolean) {
  return useQuery({
    queryKey: ['briefing', choice.neighbourhoodId, choice.from, choice.to],
    queryFn: () => api.request<Briefing>(`/api/v1/briefing?${briefingQueryString(choice)}`),
    enabled,
    placeholderData: (previous) => previous,
  });
}
