import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';
import type { CaseView } from '../types';
import { queryKeys } from './query-keys';

export type ManualCaseBody = components['schemas']['CreateManualCaseDto'];
export type CaseIntakeSettings = components['schemas']['CaseIntakeSettings'];

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
