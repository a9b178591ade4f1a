import type { ServerResponse } from 'node:http';
import type { FakeComment, FakeMediaFile, RecordedGraphRequest } from './fake-graph.types';

/** Meta's wire format details the fake Graph API shares: bodies, tokens, paging, field projection, error answers. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) {
    return null;
  }
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw).entries());
  }
  return raw;
}

export function tokenOf(record: RecordedGraphRequest): string | null {
  const header = record.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return header.slice('Bearer '.length);
  }
  return record.query.access_token ?? null;
}

export const newestFirst =
  <T>(time: (item: T) => string) =>
  (a: T, b: T) =>
    new Date(time(b)).getTime() - new Date(time(a)).getTime();

export const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
export const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) {
    return 0;
  }
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : 0;
};

/** Meta's cursor paging: `{ data, paging: { cursors: { before, after }, next? } }`. */
export function paginate<T>(items: T[], query: Record<string, string>, path = '') {
  const limit = Math.max(1, Number(query.limit ?? 25));
  const start = decodeCursor(query.after);
  const data = items.slice(start, start + limit);
  const end = start + data.length;
  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(end) } };
  if (end < items.length) {
    paging.next = `https://graph.facebook.com${path}?limit=${limit}&after=${encodeCursor(end)}`;
  }
  return { data, paging };
}

/** Top-level names of a Graph `fields` list: "id,media{id,permalink}" gives ["id", "media"]. */
export function topLevelFields(fields: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of fields) {
    if (ch === '{' || ch === '(') {
      depth += 1;
    }
    if (ch === '}' || ch === ')') {
      depth -= 1;
    }
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else if (depth === 0 && ch !== '}' && ch !== ')') {
      current += ch;
    }
  }
  out.push(current);
  return out.map((f) => f.split('.')[0].trim()).filter(Boolean);
}

export function project<T extends object>(object: T, fields: string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const field of new Set(['id', ...fields])) {
    if ((object as Record<string, unknown>)[field] !== undefined) {
      out[field] = (object as Record<string, unknown>)[field];
    }
  }
  return out as Partial<T>;
}

export function igComment(c: FakeComment) {
  return {
    id: c.id,
    text: c.message,
    timestamp: c.created_time,
    username: c.from.username,
    from: { id: c.from.id, username: c.from.username },
  };
}

export function sendBytes(res: ServerResponse, file: FakeMediaFile): void {
  res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) });
  res.end(file.bytes);
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=UTF-8',
    ...headers,
  });
  res.end(text);
}

export function unsupported(res: ServerResponse, record: RecordedGraphRequest): void {
  const id = record.path.split('/').filter(Boolean)[0] ?? '';
  send(res, 400, {
    error: {
      message: `Unsupported ${record.method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: 'AfakeTrace',
    },
  });
}

/** The Cloud API's checks of an interactive reply-buttons message (1-3 buttons, titles up to 20, unique). */
export function whatsappInteractiveProblem(interactive: unknown): string | null {
  const value = (interactive ?? {}) as {
    type?: string;
    body?: { text?: string };
    action?: { buttons?: Array<{ type?: string; reply?: { id?: string; title?: string } }> };
  };
  if (value.type !== 'button') {
    return 'interactive.type must be button';
  }
  if (!value.body?.text || [...value.body.text].length > 1024) {
    return 'interactive.body.text is required (max 1024 characters)';
  }
  const buttons = value.action?.buttons ?? [];
  if (buttons.length < 1 || buttons.length > 3) {
    return 'interactive.action.buttons must have 1-3 buttons';
  }
  const titles = buttons.map((button) => button.reply?.title ?? '');
  if (buttons.some((button) => button.type !== 'reply' || !button.reply?.id)) {
    return 'each button needs type reply and a reply id';
  }
  if (titles.some((title) => !title || [...title].length > 20) || new Set(titles).size !== titles.length) {
    return 'button titles must be unique and 1-20 characters';
  }
  return null;
}
