import type { AccountRef, Channel } from '../api/types';
import { useI18n } from '../i18n/i18n';

const CHANNEL_GLYPH: Record<Channel, string> = { facebook: 'f', instagram: 'IG', whatsapp: 'WA', twitter: 'X' };

export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  return (
    <span className={`badge channel channel-${channel}`} title={t(`channel.${channel}`)} data-channel={channel}>
      <span aria-hidden="true">{CHANNEL_GLYPH[channel]}</span>
      <span className="visually-hidden">{t(`channel.${channel}`)}</span>
    </span>
  );
}

/**
 * The account's owner ("Belediye", "Başkan"): the municipality's and the mayor's accounts must be
 * told apart at a glance, so each label gets its own stable colour.
 */
export function AccountBadge({ account }: { account: AccountRef }) {
  const label = account.ownerLabel ?? account.name;
  return (
    <span
      className={`badge owner owner-${paletteIndex(label)}`}
      title={`${account.name}${account.handle ? ` (${account.handle})` : ''}`}
      data-owner={label}
      // The label an administrator typed for the page ("Belediye", "Başkan"): data, not the product's words.
      data-user-content
    >
      {label}
    </span>
  );
}

function paletteIndex(label: string): number {
  const folded = label.toLocaleLowerCase('tr-TR');
  if (folded.startsWith('belediye')) {
    return 0;
  }
  if (folded.startsWith('başkan')) {
    return 1;
  }
  let hash = 0;
  for (const ch of folded) {
    hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  }
  return 2 + (hash % 3);
}
