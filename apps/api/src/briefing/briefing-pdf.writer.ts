import { existsSync } from 'node:fs';
import { newPdfDocument, transcriptFontPath } from '@civic/audit';
import { drawBriefingMap } from './briefing-pdf-map';
import type { BriefingFigures, BriefingView } from './briefing.service';

const CHANNELS: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  twitter: 'X',
  whatsapp: 'WhatsApp',
};

/**
 * The briefing as a printable A4 PDF in Turkish. The fonts are the transcripts' (DejaVu Sans: ş ğ ı İ render);
 * dates are written in words, changes in words with an arrow; the map is drawn from the boundaries (no tiles).
 */
export class BriefingPdfWriter {
  private readonly doc = newPdfDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 50, right: 50 } });
  private readonly width = 595.28 - 100;

  constructor(private readonly b: BriefingView) {
    const regular = transcriptFontPath();
    const bold = regular.replace(/\.ttf$/, '-Bold.ttf');
    this.doc.registerFont('body', regular);
    this.doc.registerFont('bold', existsSync(bold) ? bold : regular);
    this.doc.info.Title = `Bilgi notu — ${this.place()}`;
  }

  async render(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => this.doc.on('end', () => resolve()));
    this.header();
    this.figures();
    this.categories();
    this.late();
    this.mentions();
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  private place(): string {
    const name = this.b.neighbourhood?.name;
    if (!name) {
      return 'Tüm ilçe';
    }
    return /\b(mahallesi|mah\.?|mh\.?)$/i.test(name) ? name : `${name} Mahallesi`;
  }

  private header(): void {
    const { doc, b } = this;
    doc
      .font('bold')
      .fontSize(18)
      .fillColor('#111111')
      .text(`Bilgi notu — ${this.place()}`, 50, 50, { width: this.width });
    const top = doc.y + 6;
    const column = { width: this.width - 200 };
    doc.font('body').fontSize(10).fillColor('#333333');
    doc.text(`Dönem: ${dayWords(b.period.from)} – ${dayWords(b.period.to)} (${b.period.days} gün)`, 50, top, column);
    doc.text(`Önceki dönem: ${dayWords(b.previousPeriod.from)} – ${dayWords(b.previousPeriod.to)}`, column);
    doc.text(`Şu an açık başvuru: ${number(b.openNow)}`, column);
    doc.moveDown(0.5);
    doc.fontSize(8).fillColor('#666666').text('Vatandaş adı, kullanıcı adı ve telefon numarası içermez.', column);
    const map = { x: 50 + this.width - 180, y: top, width: 180, height: 150 };
    drawBriefingMap(doc, b.map, map);
    doc.font('body').fontSize(7).fillColor('#555555');
    doc.text('Mavi: mahalle sınırı · turuncu: açık başvuru · kırmızı: gecikmiş', map.x, map.y + map.height + 4, {
      width: map.width,
    });
    doc.y = Math.max(doc.y, map.y + map.height + 24);
  }

  private figures(): void {
    const { doc, b } = this;
    this.heading('Özet');
    const rows: [string, string, string, string][] = [
      [
        'Gelen başvuru',
        number(b.current.received),
        number(b.previous.received),
        change(b.current.received, b.previous.received),
      ],
      [
        'Çözülen başvuru',
        number(b.current.resolved),
        number(b.previous.resolved),
        change(b.current.resolved, b.previous.resolved),
      ],
      [
        'Memnuniyet (5 üzerinden)',
        satisfaction(b.current),
        satisfaction(b.previous),
        ratingChange(b.current, b.previous),
      ],
      [
        'Sosyal medyada bahsedilme',
        number(b.mentions.current),
        number(b.mentions.previous),
        change(b.mentions.current, b.mentions.previous),
      ],
    ];
    const columns = [0, 170, 260, 350];
    const y0 = doc.y;
    doc.font('bold').fontSize(9).fillColor('#333333');
    ['', 'Bu dönem', 'Önceki dönem', 'Değişim'].forEach((h, i) =>
      doc.text(h, 50 + columns[i], y0, { lineBreak: false }),
    );
    let y = y0 + 16;
    for (const row of rows) {
      doc.font('body').fontSize(10).fillColor('#111111');
      row.forEach((cell, i) => doc.text(cell, 50 + columns[i], y, { width: i === 3 ? this.width - columns[3] : 160 }));
      y += 18;
    }
    doc.y = y + 4;
  }

  private categories(): void {
    const { doc, b } = this;
    this.heading('En çok başvurulan konular');
    if (b.topCategories.length === 0) {
      this.line('Bu dönemde başvuru yok.');
      return;
    }
    const max = Math.max(1, ...b.topCategories.map((c) => c.received));
    for (const c of b.topCategories) {
      const y = doc.y;
      doc
        .font('body')
        .fontSize(9)
        .fillColor('#111111')
        .text(c.name, 50, y, { width: 150, lineBreak: false, ellipsis: true });
      const length = Math.max(2, (c.received / max) * 240);
      doc.rect(205, y + 1, length, 9).fill('#1d6fb8');
      doc.fillColor('#111111').text(`${number(c.received)} (çözülen ${number(c.resolved)})`, 210 + length, y, {
        lineBreak: false,
      });
      doc.y = y + 15;
    }
  }

  private late(): void {
    const { doc, b } = this;
    this.heading('Süresi geçmiş açık başvurular');
    this.line(
      b.late.count === 0
        ? 'Süresi geçmiş açık başvuru yok.'
        : `${number(b.late.count)} açık başvurunun süresi geçti. En eskiler:`,
    );
    for (const c of b.late.oldest) {
      this.line(
        `• ${c.caseNumber} · ${c.category}${c.neighbourhood ? ` · ${c.neighbourhood}` : ''} · ${number(c.daysLate)} gün gecikmiş`,
      );
    }
    doc.moveDown(0.3);
  }

  private mentions(): void {
    const { b } = this;
    this.heading('Sosyal medyada söylenenler');
    const what = b.neighbourhood ? `${b.neighbourhood.name} adının geçtiği paylaşım` : 'Belediyeden bahseden paylaşım';
    this.line(`${what}: ${number(b.mentions.current)} (önceki dönem ${number(b.mentions.previous)})`);
    for (const e of b.mentions.excerpts) {
      // DejaVu Sans has no emoji: they would print as empty boxes.
      const text = e.text.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '').trim();
      this.line(`“${text}” — ${CHANNELS[e.channel] ?? e.channel}, ${dayWords(e.publishedAt.slice(0, 10))}`, '#333333');
      this.doc.moveDown(0.2);
    }
  }

  private heading(text: string): void {
    if (this.doc.y > 740) {
      this.doc.addPage();
    }
    this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(12).fillColor('#1d3557').text(text, 50, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  private line(text: string, color = '#111111'): void {
    this.doc.font('body').fontSize(9.5).fillColor(color).text(text, 50, this.doc.y, { width: this.width });
  }
}

/** "2026-11-01" → "1 Kasım 2026". */
export function dayWords(day: string): string {
  return new Intl.DateTimeFormat('tr-TR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function number(value: number): string {
  return new Intl.NumberFormat('tr-TR').format(value);
}

function satisfaction(f: BriefingFigures): string {
  return f.satisfactionAverage === null
    ? 'yanıt yok'
    : `${new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(f.satisfactionAverage)} (${number(f.satisfactionCount)} yanıt)`;
}

/** The change in words with an arrow: "▲ %25 arttı", "▼ 3 azaldı", "değişmedi". */
export function change(current: number, previous: number): string {
  if (current === previous) {
    return '= değişmedi';
  }
  const arrow = current > previous ? '▲' : '▼';
  const verb = current > previous ? 'arttı' : 'azaldı';
  if (previous === 0) {
    return `${arrow} ${number(current)} yeni`;
  }
  const share = Math.round((Math.abs(current - previous) / previous) * 100);
  return `${arrow} %${number(share)} ${verb}`;
}

function ratingChange(current: BriefingFigures, previous: BriefingFigures): string {
  if (current.satisfactionAverage === null || previous.satisfactionAverage === null) {
    return '—';
  }
  const delta = Math.round((current.satisfactionAverage - previous.satisfactionAverage) * 10) / 10;
  if (delta === 0) {
    return '= değişmedi';
  }
  const shown = new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 1 }).format(Math.abs(delta));
  return `${delta > 0 ? '▲' : '▼'} ${shown} puan ${delta > 0 ? 'arttı' : 'azaldı'}`;
}
