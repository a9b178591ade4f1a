const TURKISH_FOLD: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ğ: 'g',
  Ğ: 'G',
  ş: 's',
  Ş: 'S',
  ç: 'c',
  Ç: 'C',
  ö: 'o',
  Ö: 'O',
  ü: 'u',
  Ü: 'U',
};

/**
 * "Ayşe Yılmaz" → "Ayse-Yilmaz": plain ASCII letters and digits joined by hyphens, so the name survives
 * every ZIP tool, file system and e-mail attachment; Turkish letters fold to their base letters.
 */
export function asciiFileStem(text: string, maxLength = 60): string {
  const folded = text
    .replace(/[ıİğĞşŞçÇöÖüÜ]/g, (c) => TURKISH_FOLD[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return folded.slice(0, maxLength).replace(/-+$/, '');
}

/** Transcript names by contact and date ("Ayse-Yilmaz_2026-12-01.pdf"), unique within one bundle. */
export class TranscriptFileNames {
  private readonly taken = new Set<string>();

  next(who: string | null, isoDate: string): string {
    const stem = `${asciiFileStem(who ?? '') || 'Konusma'}_${isoDate}`;
    let name = `${stem}.pdf`;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      name = `${stem}-${n}.pdf`;
    }
    // Case-insensitive: Windows and macOS would put "Ali" and "ALI" in one file.
    this.taken.add(name.toLowerCase());
    return name;
  }
}
