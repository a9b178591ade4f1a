import type { MentionVolume } from '../api/types';
import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

const WIDTH = 720;
const HEIGHT = 140;

/** Bars drawn as SVG attributes: no inline styles, which the Content-Security-Policy forbids. */
export function VolumeChart({ volume }: { volume: MentionVolume }) {
  const { t, locale, language } = useI18n();
  const max = Math.max(1, ...volume.points.map((p) => p.count));
  const step = WIDTH / Math.max(1, volume.points.length);
  const format = new Intl.DateTimeFormat(
    locale,
    volume.bucket === 'hour'
      ? { hour: '2-digit', day: '2-digit', month: '2-digit' }
      : { day: '2-digit', month: '2-digit' },
  );
  return (
    <svg
      className="volume-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
      role="img"
      aria-label={t(volume.bucket === 'hour' ? 'mentions.volumeHour' : 'mentions.volume', { total: volume.total })}
    >
      {volume.points.map((p, i) => {
        const h = Math.round((p.count / max) * HEIGHT);
        // A day comes as yyyy-mm-dd; it is shown as the language writes a day, never as the raw ISO string.
        const label = p.date ? formatLocalDate(p.date, language) : format.format(new Date(p.start));
        return (
          <g key={p.start}>
            <rect x={i * step + 1} y={HEIGHT - h} width={Math.max(1, step - 2)} height={h} className="bar">
              <title>{t('mentions.bar', { label, count: p.count })}</title>
            </rect>
            {i % Math.ceil(volume.points.length / 8) === 0 && (
              <text x={i * step} y={HEIGHT + 13} className="axis">
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
