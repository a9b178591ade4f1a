import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OfficeHours,
  OfficeHoursUpdate,
  PublicHoliday,
  PublicHolidayInput,
} from '../../components/office-hours/office-hours-types';
import { api } from '../client';

const BASE = '/api/v1/office-hours';
/** Own cache keys (office hours are one resource of their own). */
export const officeHoursKeys = {
  settings: ['office-hours'] as const,
  holidays: (year: number) => ['office-hours', 'holidays', year] as const,
};

export function useOfficeHours() {
  return useQuery({ queryKey: officeHoursKeys.settings, queryFn: () => api.request<OfficeHours>(BASE) });
}

/** A save answers with the stored settings: they go straight into the cache. */
export function useSaveOfficeHours() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OfficeHoursUpdate) =>
      api.request<OfficeHours>(BASE, { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: (view) => client.setQueryData(officeHoursKeys.settings, view),
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: officeHoursKeys.holidays(year),
    queryFn: () => api.request<PublicHoliday[]>(`${BASE}/holidays?year=${year}`),
  });
}

/** Add (no id), change (id) or delete a holiday; every year's list is read again after it. */
export function useChangeHoliday() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: {
      id?: string;
      input?: Partial<PublicHolidayInput>;
      remove?: boolean;
    }): Promise<PublicHoliday | null> =>
      change.remove
        ? api.request<null>(`${BASE}/holidays/${change.id}`, { method: 'DELETE' })
        : api.request<PublicHoliday>(change.id ? `${BASE}/holidays/${change.id}` : `${BASE}/holidays`, {
            method: change.id ? 'PATCH' : 'POST',
            body: JSON.stringify(change.input),
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['office-hours', 'holidays'] }),
  });
}
