import type { MentionNotificationKind } from '@civic/domain';
import type { DigestPayload } from './mention-digest.service';

interface SpikePayload {
  kind?: 'volume' | 'negative';
  watchlistName: string;
  openedAt: string;
  lastHourCount: number;
  medianDaily: number;
  threshold: number;
}

/** The plain-text body of a spike alert or a daily digest e-mail for the mayor's office, in Turkish. */
export function mentionEmailText(kind: MentionNotificationKind, subject: string, payload: unknown): string {
  if (kind === 'spike') {
    const spike = payload as SpikePayload;
    return [
      subject,
      '',
      `İzleme listesi: ${spike.watchlistName}`,
      `Son bir saatteki ${spike.kind === 'negative' ? 'olumsuz ' : ''}bahsetme: ${spike.lastHourCount} (eşik ${spike.threshold}, günlük medyan ${spike.medianDaily})`,
      `Başlangıç: ${spike.openedAt}`,
    ].join('\n');
  }
  const digest = payload as DigestPayload;
  const lines = [subject, '', `Gün: ${digest.date} (${digest.timeZone})`, `Toplam bahsetme: ${digest.total}`, ''];
  lines.push('Kanallara göre:', ...digest.byChannel.map((c) => `  ${c.channel}: ${c.count}`), '');
  lines.push('İzleme listelerine göre:', ...digest.byWatchlist.map((w) => `  ${w.name}: ${w.count}`), '');
  if (digest.spikes.length > 0) {
    lines.push(
      'Artışlar:',
      ...digest.spikes.map(
        (s) => `  ${s.name}${s.kind === 'negative' ? ' (olumsuz)' : ''}: ${s.openedAt}, en yüksek ${s.peakCount}/saat`,
      ),
      '',
    );
  }
  if (digest.topPosts.length > 0) {
    lines.push('Öne çıkan paylaşımlar:');
    for (const post of digest.topPosts) {
      const author = post.authorHandle ? `@${post.authorHandle}` : (post.authorName ?? '');
      lines.push(`  [${post.channel}] ${author}: ${post.text ?? ''}${post.url ? ` ${post.url}` : ''}`);
    }
  }
  return lines.join('\n').trimEnd();
}
