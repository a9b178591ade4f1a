/** The one table `npm run bench` prints: its rows, and what each benchmark contributes to it. */

/** One benchmark of the combined run: the script `npm run bench:<name>` runs and the rows of its result. */
export interface Component {
  name: string;
  script: string;
  args?: string[];
  /** Prefix of the JSON file the script writes into bench/results. */
  resultPrefix: string;
  rows(result: any): Row[];
}

/** One line of the table. `higherIsBetter` decides how the ratio reads (figure/ceiling or ceiling/figure is never mixed: always figure ÷ ceiling). */
export interface Row {
  component: string;
  measure: string;
  figure: number | string;
  unit: string;
  ceilingName: string;
  ceiling: number | string;
  ratio: number | string;
  target: string;
  met: 'yes' | 'no' | '-';
}

export const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? +(a / b).toFixed(3) : '-');
export const met = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no');

/** Prints the rows as one table, each figure beside its ceiling. */
export function printTable(rows: Row[]): void {
  console.table(
    rows.map((r) => ({
      component: r.component,
      measure: r.measure,
      figure: r.figure,
      unit: r.unit,
      ceiling: `${r.ceiling} (${r.ceilingName})`,
      ratio: r.ratio,
      target: r.target,
      met: r.met,
    })),
  );
}
