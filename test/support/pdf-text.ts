import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with embedded TrueType fonts (Identity-H, two-byte glyph codes): each
 * font's ToUnicode CMap turns the glyph codes of the content streams' Tj/TJ strings back into characters.
 * Enough for pdfkit's own output; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1], { dict: body, stream: null });
      continue;
    }
    const start = at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (body.slice(0, at).includes('/FlateDecode')) {
      raw = inflateSync(raw);
    }
    objects.set(m[1], { dict: body.slice(0, at), stream: raw });
  }
  // Font resource name (/F1) → that font's code → text map.
  const cmaps = new Map<string, Map<string, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2]);
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const stream = toUnicode && objects.get(toUnicode[1])?.stream;
      if (stream && !cmaps.has(f[1])) {
        cmaps.set(f[1], parseCmap(stream.toString('latin1')));
      }
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    const content = stream?.toString('latin1') ?? '';
    if (!/\bTf\b/.test(content) || content.includes('begincmap')) {
      continue;
    }
    let cmap = new Map<string, string>();
    for (const token of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj|\bET\b/g)) {
      if (token[1]) {
        cmap = cmaps.get(token[1]) ?? new Map();
      } else if (token[0] === 'ET') {
        lines.push('\n');
      } else {
        const hex =
          token[2] !== undefined ? [...token[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : token[3];
        for (let i = 0; i + 4 <= hex.length; i += 4) {
          lines.push(cmap.get(hex.slice(i, i + 4).toLowerCase()) ?? '');
        }
      }
    }
  }
  return lines.join('');
}

function parseCmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(pair[1].toLowerCase().padStart(4, '0'), utf16(pair[2]));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(range[1], 16);
      const to = parseInt(range[2], 16);
      const targets = [...range[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1]);
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(4, '0');
        if (range[3].startsWith('[')) {
          map.set(key, utf16(targets[code - from] ?? ''));
        } else {
          const base = parseInt(targets[0], 16) + (code - from);
          map.set(key, String.fromCharCode(base));
        }
      }
    }
  }
  return map;
}
