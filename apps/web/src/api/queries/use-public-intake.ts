import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

type Schemas = components['schemas'];
export type PublicDataInfo = Schemas['PublicDataInfo'];
export type Open311Client = Schemas['Open311Client'];
export type CreatedOpen311Client = Schemas['CreatedOpen311Client'];
export type PublicRequest = Schemas['PublicRequest'];
export type PublicRequestStep = Schemas['PublicRequestStep'];

/** Public data and Open311 clients (administrators), and a request's public page (anyone). */
const keys = {
  info: ['public-data', 'info'] as const,
  clients: ['public-data', 'open311-clients'] as const,
  request: (publicId: string) => ['public-request', publicId] as const,
};

export function usePublicDataInfo() {
  return useQuery({
    queryKey: keys.info,
    queryFn: () => api.request<PublicDataInfo>('/api/v1/open311/public-info'),
  });
}

export function useOpen311Clients() {
  return useQuery({
    queryKey: keys.clients,
    queryFn: () => api.request<Open311Client[]>('/api/v1/open311/clients'),
  });
}

export function useSetPublicData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (publicData: boolean) =>
      api.request<{ publicData: boolean }>('/api/v1/case-settings/public', {
        method: 'PUT',
        body: JSON.stringify({ publicData }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.info }),
  });
}

export function useCreateOpen311Client() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.request<CreatedOpen311Client>('/api/v1/open311/clients', { method: 'POST', body: JSON.stringify({ name }) }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.clients }),
  });
}

export function useRevokeOpen311Client() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request<void>(`/api/v1/open311/clients/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.clients }),
  });
}

/** No sign-in: the page a citizen opens from the acknowledgement. A 404 is an answer, not a retry. */
export function usePublicRequest(publicId: string) {
  return useQuery({
    queryKey: keys.request(publicId),
    queryFn: () => api.request<PublicRequest>(`/api/v1/public/requests/${encodeURIComponent(publicId)}`),
    retry: false,
  });
}
