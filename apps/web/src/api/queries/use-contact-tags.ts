import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { components } from '../openapi.gen';

type ContactTags = components['schemas']['ContactTagsResponse'];

const contactTagsKey = (contactId: string) => ['contact-tags', contactId] as const;

/** The officers' tags on a citizen (automation rules read them). */
export function useContactTags(contactId: string) {
  return useQuery({
    queryKey: contactTagsKey(contactId),
    queryFn: () => api.request<ContactTags>(`/api/v1/contacts/${encodeURIComponent(contactId)}/tags`),
  });
}

export function useSetContactTags(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) =>
      api.request<ContactTags>(`/api/v1/contacts/${encodeURIComponent(contactId)}/tags`, {
        method: 'PUT',
        body: JSON.stringify({ tags }),
      }),
    onSuccess: (saved) => client.setQueryData(contactTagsKey(contactId), saved),
  });
}
