import { existsSync } from 'node:fs';

// TrueType fonts with full Turkish coverage (ç ğ ı İ ö ş ü); PDF's built-in Helvetica lacks ğ ı İ ş.
const CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/local/share/fonts/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** Path of a Unicode TTF to embed in transcripts; refuses to fall back to a font that would drop Turkish letters. */
export function transcriptFontPath(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Unicode TrueType font found for PDF transcripts: install fonts-dejavu-core (Debian) or another DejaVu Sans',
    );
  }
  return found;
}

type PdfDocumentClass = typeof import('pdfkit');
let pdfkit: PdfDocumentClass | null = null;

/** A new PDF document; pdfkit and its font engine (0.15–0.2 s of loading) are loaded at the first PDF, not at boot. */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pdfkit ??= require('pdfkit') as PdfDocumentClass;
  return new pdfkit(options);
}
