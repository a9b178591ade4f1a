import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../client';
import { addLiveEventListener } from '../live-event-listeners';
import type { components } from '../openapi.gen';

export type TeamView = components['schemas']['Team'];
export type TeamInput = components['schemas']['UpdateTeamDto'];
export type Availability = components['schemas']['Availability'];

/** Own cache keys: teams and the caller's availability are resources of their own. */
export const teamKeys = {
  teams: ['teams'] as const,
  availability: ['availability'] as const,
};

/** Teams with members and queue counts; refetched when conversations change (assignment moves the counts). */
export function useTeams(enabled = true) {
  const client = useQueryClient();
  useEffect(() => addLiveEventListener(() => void client.invalidateQueries({ queryKey: teamKeys.teams })), [client]);
  return useQuery({
    queryKey: teamKeys.teams,
    queryFn: () => api.request<TeamView[]>('/api/v1/teams'),
    enabled,
    refetchInterval: 30_000,
  });
}

/** Create (no id), change (id) or delete a team. */
export function useChangeTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: string; input?: TeamInput; remove?: boolean }): Promise<TeamView | null> =>
      change.remove
        ? api.request<null>(`/api/v1/teams/${change.id}`, { method: 'DELETE' })
        : api.request<TeamView>(change.id ? `/api/v1/teams/${change.id}` : '/api/v1/teams', {
            method: change.id ? 'PATCH' : 'POST',
            body: JSON.stringify(change.input),
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: teamKeys.teams }),
  });
}

export function useAvailability(enabled = true) {
  return useQuery({
    queryKey: teamKeys.availability,
    queryFn: () => api.request<Availability>('/api/v1/users/me/availability'),
    enabled,
  });
}

/** Away or available: the answer goes into the cache; becoming available may hand out queued work. */
export function useSetAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (away: boolean) =>
      api.request<Availability>('/api/v1/users/me/availability', { method: 'PUT', body: JSON.stringify({ away }) }),
    onSuccess: (view) => {
      client.setQueryData(teamKeys.availability, view);
      void client.invalidateQueries({ queryKey: teamKeys.teams });
    },
  });
}
