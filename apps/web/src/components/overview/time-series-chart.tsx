import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { PointLabel } from './chart-labels';
import './mayor.css';

export interface TimeSeries {
  key: string;
  label: string;
  /** A class of mayor.css (colour): inline styles are refused by the Content-Security-Policy. */
  className: string;
}

export interface TimePoint {
  id: string;
  label: PointLabel;
  values: Record<string, number>;
}

const DEFAULT_WIDTH = 720;
const PLOT_TOP = 10;
const LEFT = 40;
const RIGHT = 8;
const AXIS = 22;

/** 1, 2, 5 × 10ⁿ at or above the value, so the top gridline is a round number. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value) ?? value;
}

/**
 * Counts over time as SVG, bars or lines: round gridlines with their numbers, short local dates under the
 * axis ("3 Ara", "Pzt 14:00"), and one invisible strip per point whose <title> gives the long date and every
 * value (a pointer or a screen reader gets the exact numbers). The legend is HTML, so it wraps.
 */
export function TimeSeriesChart({
  title,
  description,
  points,
  series,
  kind,
  height = 170,
  testId,
  format,
}: {
  title: string;
  description: string;
  points: TimePoint[];
  series: TimeSeries[];
  kind: 'bars' | 'lines';
  height?: number;
  testId?: string;
  format: (value: number) => string;
}) {
  const id = useId();
  const { t } = useI18n();
  // Drawn at the width it is shown at, so the words stay 11 px in a narrow card and in a wide one.
  const box = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry.contentRect.width);
      if (measured > 0) {
        setWidth(measured);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const pointTitle = (p: TimePoint) =>
    t('mayor.chart.point', {
      when: p.label.full,
      values: series
        .map((s) => t('mayor.chart.value', { series: s.label, value: format(p.values[s.key] ?? 0) }))
        .join(', '),
    });
  const plot = height - PLOT_TOP - AXIS;
  const top = niceCeiling(Math.max(1, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))));
  const step = (width - LEFT - RIGHT) / Math.max(1, points.length);
  const y = (value: number) => PLOT_TOP + plot - (value / top) * plot;
  const x = (i: number) => LEFT + i * step + step / 2;
  // About one label per 70 px, and always the last point (today, now).
  const every = Math.max(1, Math.ceil(points.length / ((width - LEFT) / 70)));
  const labelled = (i: number) => (points.length - 1 - i) % every === 0;
  const barWidth = Math.max(1, (step - 2) / series.length);

  return (
    <figure className="ts-figure" data-testid={testId} ref={box}>
      <svg
        className="ts-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {/* Inside role="img" the drawing's words are presentational: the title and description speak for it. */}
        {[0, top / 2, top].map((tick) => (
          <g key={tick} className="ts-grid" aria-hidden="true">
            <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {kind === 'bars'
          ? series.map((s, j) =>
              points.map((p, i) => {
                const value = p.values[s.key] ?? 0;
                return (
                  <rect
                    key={`${s.key}-${p.id}`}
                    className={s.className}
                    x={LEFT + i * step + 1 + j * barWidth}
                    y={y(value)}
                    width={barWidth}
                    height={Math.max(0, PLOT_TOP + plot - y(value))}
                  />
                );
              }),
            )
          : series.map((s) => (
              <g key={s.key} className={s.className}>
                <polyline
                  className="ts-line"
                  points={points.map((p, i) => `${x(i)},${y(p.values[s.key] ?? 0)}`).join(' ')}
                />
                {points.length <= 62 &&
                  points.map((p, i) => (
                    <circle key={p.id} className="ts-dot" cx={x(i)} cy={y(p.values[s.key] ?? 0)} r={2.5} />
                  ))}
              </g>
            ))}
        {points.map((p, i) => (
          <g key={p.id}>
            <rect className="ts-hit" x={LEFT + i * step} y={PLOT_TOP} width={step} height={plot}>
              <title>{pointTitle(p)}</title>
            </rect>
            {labelled(i) && (
              <text
                className="ts-axis"
                x={Math.min(x(i), width - RIGHT)}
                y={height - 6}
                textAnchor={x(i) > width - RIGHT - 36 ? 'end' : 'middle'}
                aria-hidden="true"
              >
                {p.label.axis}
              </text>
            )}
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <figcaption className="ts-legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.key}>
              <span className={`ts-swatch ${s.className}`} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
