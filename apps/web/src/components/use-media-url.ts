import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * A stored attachment as a blob: URL, fetched with the bearer header: the API takes a token in the
 * query only for the live-events stream, so an <img>, <video> or link cannot point at the route itself.
 * null while loading, when there is no URL or the fetch failed.
 */
export function useMediaUrl(url: string | null | undefined): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) {
      return undefined;
    }
    let created: string | null = null;
    let cancelled = false;
    const get = (token: string | null) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    void (async () => {
      let response = await get(api.current?.accessToken ?? null);
      // An expired access token: refreshed once, as ApiClient.request does.
      if (response.status === 401) {
        response = await get(await api.freshToken());
      }
      if (!response.ok || cancelled) {
        return;
      }
      const blob = await response.blob();
      if (cancelled) {
        return;
      }
      created = URL.createObjectURL(blob);
      setObjectUrl(created);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      if (created) {
        URL.revokeObjectURL(created);
      }
      setObjectUrl(null);
    };
  }, [url]);
  return objectUrl;
}
