import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CitizenMessagePreview,
  CitizenMessageSettings,
  CitizenMessageSettingsUpdate,
  MessageLanguage,
} from '../../components/citizen-messages/citizen-message-types';
import { api } from '../client';
import { useDebounced } from './use-debounced';

const SETTINGS = '/api/v1/citizen-messages/settings';
/** Own cache keys (the automatic messages are one resource of their own). */
export const citizenMessageKeys = {
  settings: ['citizen-messages', 'settings'] as const,
  preview: (kind: string, language: MessageLanguage, text: string) =>
    ['citizen-messages', 'preview', kind, language, text] as const,
};

export function useCitizenMessageSettings() {
  return useQuery({
    queryKey: citizenMessageKeys.settings,
    queryFn: () => api.request<CitizenMessageSettings>(SETTINGS),
  });
}

/** A save answers with the stored settings: they go straight into the cache. */
export function useSaveCitizenMessageSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CitizenMessageSettingsUpdate) =>
      api.request<CitizenMessageSettings>(SETTINGS, { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: (view) => client.setQueryData(citizenMessageKeys.settings, view),
  });
}

/** The value, once it has stayed the same for `ms` (typing does not call the API on every key). */

/**
 * The draft text rendered by the server with sample values, 350 ms after the last key; the last
 * preview stays on screen while the next one loads. A failure (an unknown placeholder) is not retried.
 */
export function useCitizenMessagePreview(kind: string, language: MessageLanguage, text: string, valid = true) {
  const settled = useDebounced(text, 350);
  const query = useQuery({
    queryKey: citizenMessageKeys.preview(kind, language, settled),
    queryFn: () =>
      api.request<CitizenMessagePreview>('/api/v1/citizen-messages/preview', {
        method: 'POST',
        body: JSON.stringify({ kind, language, text: settled }),
      }),
    enabled: valid && settled.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
  return { ...query, settling: settled !== text };
}
