import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type { CaseView } from '../types';
import { queryKeys } from './query-keys';
import { useDebounced } from './use-debounced';

export type ManualCaseBody = components['schemas']['CreateManualCaseDto'];
export type CaseIntakeSettings = components['schemas']['CaseIntakeSettings'];
export type ManualCaseSuggestion = components['schemas']['ManualCaseSuggestion'];

/** Below this many letters a description says too little to suggest from. */
const SUGGEST_FROM = 12;

/** Records a case that came by phone, in person, by e-mail or through CİMER; the case lists refetch. */
export function useCreateManualCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ManualCaseBody) =>
      api.request<CaseView>('/api/v1/cases/manual', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.cases }),
  });
}

/** The organization's CİMER answer period (working days), shown beside the CİMER fields. */
export function useCaseIntakeSettings(enabled: boolean) {
  return useQuery({
    queryKey: ['case-intake-settings'],
    queryFn: () => api.request<CaseIntakeSettings>('/api/v1/case-settings/intake'),
    enabled,
  });
}

/** The keyword rules' and the learned model's category for the description being typed (once typing settles). */
export function useManualCaseSuggestion(description: string) {
  const settled = useDebounced(description.trim(), 600);
  return useQuery({
    queryKey: ['manual-case-suggestion', settled],
    queryFn: () =>
      api.request<ManualCaseSuggestion>('/api/v1/cases/manual/suggest', {
        method: 'POST',
        body: JSON.stringify({ text: settled }),
      }),
    enabled: settled.length >= SUGGEST_FROM,
    staleTime: 60_000,
  });
}
