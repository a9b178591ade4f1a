import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';

interface MediaLink {
  url: string;
  expiresAt: string;
}

const BEARER_ROUTE = /^\/api\/v1\/messages\/[0-9a-f-]+\/attachments\/\d+$/;

/**
 * A URL an <img>, <video> or link can use directly: the signed media link the thread hands out
 * (`mediaUrl`), or, for an attachment known only by its bearer route (a case's photos), a signed link
 * asked for with the bearer header. Never a URL with an access token in it. null while unknown.
 */
export function useMediaUrl(attachment: { url?: string | null; mediaUrl?: string | null }): string | null {
  const bearerRoute =
    !attachment.mediaUrl && attachment.url && BEARER_ROUTE.test(attachment.url) ? attachment.url : null;
  const link = useQuery({
    queryKey: ['media-link', bearerRoute],
    queryFn: () => api.request<MediaLink>(`${bearerRoute}/link`),
    enabled: bearerRoute !== null,
    // Links live five minutes at least: a fresh one before the old expires.
    staleTime: 4 * 60_000,
    refetchInterval: 4 * 60_000,
  });
  return attachment.mediaUrl ?? link.data?.url ?? null;
}

/**
 * The first URL an element was given, kept while it works: a refetched thread brings a newer link
 * every few minutes, and swapping it would download a photo again or restart a playing video. A
 * load error (the kept link expired) moves to the newest one.
 */
export function useStableSrc(latest: string | null): { src: string | null; onError(): void } {
  const [kept, setKept] = useState(latest);
  const src = kept ?? latest;
  return { src, onError: () => latest && latest !== src && setKept(latest) };
}
