/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  fileName: string | null;
  contentType: string | null;
  bytes: Buffer;
}

/** The parts of a multipart/form-data body (what the fakes record of uploads), or null if it is not one. */
export function parseMultipart(raw: Buffer, contentType: string | undefined): MultipartPart[] | null {
  const boundary = /multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) {
    return null;
  }
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) {
      break;
    }
    const part = raw.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/.exec(head)?.[1];
      if (name !== undefined) {
        parts.push({
          name,
          fileName: /filename="([^"]*)"/.exec(head)?.[1] ?? null,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null,
          // The part's body ends with the CRLF before the next delimiter.
          bytes: part.subarray(headerEnd + 4, part.length - 2),
        });
      }
    }
    start = next;
  }
  return parts;
}
