import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * The citizen's profile picture as we stored it (GET /api/v1/contacts/:id/avatar), fetched with the
 * bearer header into a blob: URL so no token lands in a URL; nothing while it loads or when the
 * channel gave none.
 */
export function ContactAvatar({ avatarUrl, name }: { avatarUrl: string | null | undefined; name: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!avatarUrl) {
      return undefined;
    }
    let created: string | null = null;
    let cancelled = false;
    const get = (token: string | null) =>
      fetch(avatarUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    void (async () => {
      let response = await get(api.current?.accessToken ?? null);
      if (response.status === 401) {
        response = await get(await api.freshToken());
      }
      if (!response.ok || cancelled) {
        return;
      }
      const blob = await response.blob();
      if (!cancelled) {
        created = URL.createObjectURL(blob);
        setSrc(created);
      }
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      if (created) {
        URL.revokeObjectURL(created);
      }
      setSrc(null);
    };
  }, [avatarUrl]);
  if (!src) {
    return null;
  }
  return <img className="contact-avatar" src={src} alt={t('att.avatar', { name })} width={28} height={28} />;
}
