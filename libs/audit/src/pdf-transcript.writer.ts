import type { ExportedMessage } from './exported-message';
import { localDateTime } from './local-time';
import { coordinates, openStreetMapUrl } from './map-link';
import { newPdfDocument, transcriptFontPath } from './pdf-font';
import type { WrittenZipEntry } from './zip-entry.writer';
import { ZipEntryWriter } from './zip-entry.writer';

export interface TranscriptHeader {
  accountName: string;
  channel: string;
  threadKey: string;
  conversationId: string;
  contactName: string | null;
  period: { from: string; to: string };
  /** The organization's time zone: every time on the page is local, and says which zone it is. */
  timeZone: string;
}

const DIRECTION_LABEL: Record<string, string> = { in: 'Gelen / In', out: 'Giden / Out' };
const KIND_LABEL: Record<string, string> = {
  dm: 'Özel mesaj / Direct message',
  post: 'Gönderi / Post',
  comment: 'Yorum / Comment',
  reply: 'Yanıt / Reply',
  mention: 'Bahsedilme / Mention',
  story_mention: 'Hikâyede bahsedilme / Story mention',
  reaction: 'Tepki / Reaction',
};

/**
 * One conversation's transcript as a PDF, streamed to disk message by message. Every page carries
 * the account, the thread and the exported period, so a printed page stands on its own.
 */
export class PdfTranscriptWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly file: ZipEntryWriter;
  private readonly pending: Promise<void>[] = [];

  /** `name` is the path inside the bundle; PDF streams are compressed already, so the entry is stored. */
  constructor(
    name: string,
    path: string,
    private readonly header: TranscriptHeader,
  ) {
    this.file = new ZipEntryWriter(name, path, 0);
    this.doc = newPdfDocument({
      size: 'A4',
      margins: { top: 90, bottom: 50, left: 50, right: 50 },
      bufferPages: false,
      autoFirstPage: false,
    });
    this.doc.registerFont('body', transcriptFontPath());
    this.doc.on('data', (chunk: Buffer) => this.pending.push(this.file.write(chunk)));
    this.doc.on('pageAdded', () => this.drawHeader());
    this.doc.info.Title = `Konuşma dökümü / Transcript${header.contactName ? ` ${header.contactName}` : ''}`;
    this.doc.addPage();
  }

  private drawHeader(): void {
    const { doc, header } = this;
    const y = doc.y;
    doc.font('body').fontSize(8).fillColor('#555555');
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.text(`Hesap / Account: ${header.accountName} (${header.channel})`, doc.page.margins.left, 30, {
      width,
      lineBreak: false,
    });
    doc.text(
      `Konu / Thread: ${header.threadKey} · ${header.conversationId}${header.contactName ? ` · ${header.contactName}` : ''}`,
      doc.page.margins.left,
      42,
      { width, lineBreak: false },
    );
    const period = `${localDateTime(header.period.from, header.timeZone)} – ${localDateTime(header.period.to, header.timeZone)}`;
    doc.text(`Dönem / Period: ${period} (${header.timeZone})`, doc.page.margins.left, 54, {
      width,
      lineBreak: false,
    });
    doc
      .moveTo(doc.page.margins.left, 70)
      .lineTo(doc.page.width - doc.page.margins.right, 70)
      .strokeColor('#999999')
      .stroke();
    doc.fillColor('#000000').fontSize(10);
    doc.x = doc.page.margins.left;
    doc.y = Math.max(y, doc.page.margins.top);
  }

  async add(message: ExportedMessage): Promise<void> {
    const who =
      message.direction === 'out'
        ? (message.authorName ?? message.accountName)
        : [message.contactName, message.contactHandle ? `@${message.contactHandle}` : null].filter(Boolean).join(' ') ||
          'Vatandaş';
    const flags = [message.edited ? 'düzenlendi' : null, message.deleted ? 'silindi' : null].filter(Boolean).join(', ');
    this.doc
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(
        `${localDateTime(message.sentAt, this.header.timeZone)} · ${DIRECTION_LABEL[message.direction] ?? message.direction} · ${KIND_LABEL[message.kind] ?? message.kind} · ${who}${flags ? ` (${flags})` : ''}`,
      );
    this.doc
      .fontSize(10)
      .fillColor('#000000')
      .text(message.text ?? '', { paragraphGap: 2 });
    for (const attachment of message.attachments ?? []) {
      const location = pin(attachment.location);
      if (location) {
        this.addLocation(location);
        continue;
      }
      const label = [attachment.type, attachment.fileName, attachment.caption].filter(Boolean).join(' · ');
      this.doc.fontSize(8).fillColor('#333333').text(`[Ek / Attachment: ${label}]`);
    }
    this.doc.moveDown(0.6);
    await this.flush();
  }

  /** A pin as coordinates anyone can type into a map, the place's name when sent, and a clickable map link. */
  private addLocation(location: Pin): void {
    const place = [location.name, location.address].filter(Boolean).join(', ');
    const url = openStreetMapUrl(location.latitude, location.longitude);
    this.doc
      .fontSize(8)
      .fillColor('#333333')
      .text(`[Konum / Location: ${coordinates(location.latitude, location.longitude)}${place ? ` · ${place}` : ''}]`);
    this.doc.fillColor('#1a4f9c').text(`Harita / Map: ${url}`, { link: url, underline: true });
    this.doc.fillColor('#000000');
  }

  async close(): Promise<WrittenZipEntry> {
    const ended = new Promise<void>((resolve) => this.doc.on('end', () => resolve()));
    this.doc.end();
    await ended;
    await this.flush();
    return this.file.close();
  }

  private async flush(): Promise<void> {
    const writes = this.pending.splice(0);
    await Promise.all(writes);
  }
}

interface Pin {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}

/** The attachment's location when it has usable coordinates (masked exports leave locations out). */
function pin(value: unknown): Pin | null {
  const location = value as Partial<Pin> | null | undefined;
  const latitude = Number(location?.latitude);
  const longitude = Number(location?.longitude);
  if (!location || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    return null;
  }
  return { latitude, longitude, name: location.name ?? null, address: location.address ?? null };
}
