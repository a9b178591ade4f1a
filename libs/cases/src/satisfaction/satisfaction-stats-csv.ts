import type { SatisfactionFigures, SatisfactionStats } from './case-satisfaction-stats.service';

const CHANNEL_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  instagram: 'Instagram',
  twitter: 'X (Twitter)',
};

export type CsvRow = (string | number | null)[];

/**
 * The satisfaction table of the statistics CSV (after an empty line): one row per group with the
 * questions asked, answers, response rate, average and the count of each rating 1-5.
 */
export function satisfactionCsvRows(stats: SatisfactionStats): CsvRow[] {
  const rows: CsvRow[] = [
    [
      'Memnuniyet',
      'Ad',
      'Sorulan',
      'Yanıtlanan',
      'Yanıt oranı',
      'Ortalama puan',
      'Puan 1',
      'Puan 2',
      'Puan 3',
      'Puan 4',
      'Puan 5',
      'Çözülmedi',
    ],
  ];
  const figures = (f: SatisfactionFigures): CsvRow => [
    f.asked,
    f.answered,
    f.responseRate,
    f.average,
    ...f.distribution,
    f.notSolved,
  ];
  rows.push(['Toplam', '', ...figures(stats)]);
  for (const d of stats.byDepartment) {
    rows.push(['Müdürlük', d.name ?? '(atanmamış)', ...figures(d)]);
  }
  for (const c of stats.byCategory) {
    rows.push(['Kategori', c.name, ...figures(c)]);
  }
  for (const c of stats.byChannel) {
    rows.push(['Kanal', CHANNEL_NAMES[c.channel] ?? c.channel, ...figures(c)]);
  }
  for (const b of stats.byExternalBody) {
    rows.push(['Dış kurum', b.name, ...figures(b)]);
  }
  for (const o of stats.byOfficer) {
    rows.push(['Personel', o.name, ...figures(o)]);
  }
  for (const n of stats.byNeighbourhood ?? []) {
    rows.push(['Mahalle', n.name ?? '(mahallesi belirsiz)', ...figures(n)]);
  }
  return rows;
}
