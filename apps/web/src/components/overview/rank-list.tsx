import type { ReactNode } from 'react';

export interface RankItem {
  key: string;
  label: ReactNode;
  value: number;
  /** Shown instead of the bare number, e.g. "1.234 · geçen hafta 980". */
  detail: string;
}

/**
 * A ranked list with a bar under each row, longest first. The bar is a tiny SVG (widths as attributes: the
 * Content-Security-Policy refuses inline styles) and hidden from screen readers: the number is in the text.
 */
export function RankList({ items, tone, testId }: { items: RankItem[]; tone?: 'terms'; testId?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ol className="rank-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key}>
          <span>{item.label}</span>
          <strong className="small">{item.detail}</strong>
          <svg
            className={tone ? `rank-bar ${tone}` : 'rank-bar'}
            viewBox="0 0 100 6"
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            <rect className="track" width="100" height="6" rx="3" />
            <rect
              className="fill"
              width={Math.max(item.value > 0 ? 1.5 : 0, (item.value / max) * 100)}
              height="6"
              rx="3"
            />
          </svg>
        </li>
      ))}
    </ol>
  );
}
