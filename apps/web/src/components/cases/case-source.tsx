import type { CaseView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { ChannelBadge } from '../badges';

export type CaseSource = CaseView['source'];

/** One glyph per way a case comes in by hand (social cases show their channel's badge instead); plain text symbols every font has. */
const SOURCE_GLYPH: Record<CaseSource, string> = {
  social: '◉',
  phone: '☎',
  walk_in: '⌂',
  email: '✉',
  cimer: '⚑',
  other: '✎',
  open311: '◎',
};

export const sourceLabelKey = (source: CaseSource) => `intake.source.${source}` as MessageKey;

/** How the case arrived: the channel's badge for a social case, else an icon with the source's name. */
export function CaseSourceBadge({ item }: { item: Pick<CaseView, 'source' | 'channel'> }) {
  const { t } = useI18n();
  if (item.source === 'social' && item.channel) {
    return <ChannelBadge channel={item.channel} />;
  }
  return (
    <span
      className={`badge case-source case-source-${item.source}`}
      data-source={item.source}
      data-testid="case-source"
    >
      <span aria-hidden="true">{SOURCE_GLYPH[item.source]}</span> {t(sourceLabelKey(item.source))}
    </span>
  );
}

/** A day in words ("3 Kasım 2026 Salı") with its time, for deadlines the citizen was promised. */
export function useDeadlineWords(): (iso: string) => string {
  const { locale } = useI18n();
  const words = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (iso) => words.format(new Date(iso));
}
