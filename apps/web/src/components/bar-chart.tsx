import { useId } from 'react';
import { useI18n } from '../i18n/i18n';

export interface BarSeries {
  key: string;
  label: string;
  /** A class from styles.css (fill colour): inline styles are refused by the Content-Security-Policy. */
  className: string;
}

export interface BarRow {
  label: string;
  values: Record<string, number>;
}

const LABEL_WIDTH = 190;
const BAR_AREA = 380;
const ROW = 26;

/**
 * Horizontal grouped bars as inline SVG: a <title> and <desc> name the chart for screen readers,
 * every bar has its own <title> with the number, and the numbers are also printed beside the bars.
 */
export function BarChart({
  title,
  description,
  rows,
  series,
  testId,
}: {
  title: string;
  description: string;
  rows: BarRow[];
  series: BarSeries[];
  testId?: string;
}) {
  const id = useId();
  const { format } = useI18n();
  // Hours such as 15.6 read "15,6" in Turkish.
  const shown = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const barHeight = Math.floor((ROW - 6) / series.length);
  const height = rows.length * ROW + 22;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 50} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid={testId}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {rows.map((row, i) => (
        <g key={`${row.label}-${i}`} transform={`translate(0 ${i * ROW})`}>
          <text x={LABEL_WIDTH - 6} y={ROW / 2 + 4} textAnchor="end" className="label">
            {truncate(row.label, 28)}
          </text>
          {series.map((s, j) => {
            const value = row.values[s.key] ?? 0;
            const width = Math.round((value / max) * BAR_AREA);
            const y = 3 + j * barHeight;
            return (
              <g key={s.key}>
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={Math.max(value > 0 ? 2 : 0, width)}
                  height={barHeight - 1}
                  className={s.className}
                >
                  <title>{`${row.label} · ${s.label}: ${shown(value)}`}</title>
                </rect>
                <text x={LABEL_WIDTH + width + 4} y={y + barHeight - 2} className="value">
                  {shown(value)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <g transform={`translate(${LABEL_WIDTH} ${rows.length * ROW + 6})`} aria-hidden="true">
        {series.map((s, j) => (
          <g key={s.key} transform={`translate(${j * 120} 0)`}>
            <rect width="10" height="10" className={s.className} />
            <text x="14" y="9" className="label">
              {s.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
