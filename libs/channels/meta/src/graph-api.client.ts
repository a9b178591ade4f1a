import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';
import { AppConfig } from '@civic/config';
import { classifyMetaError } from './meta-error.classifier';

/** One page of a Graph API edge: `{ data: [...], paging: { cursors: { before, after }, next } }`. */
export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

export interface GraphBinary {
  data: Buffer;
  contentType: string | null;
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The one HTTP client for Facebook, Instagram and WhatsApp: axios against
 * `${META_GRAPH_URL}/${META_GRAPH_VERSION}`, token in the Authorization header (never in URLs, so it
 * stays out of logs), every failure classified into a ChannelError.
 */
@Injectable()
export class MetaGraphClient {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;

  constructor(config: AppConfig) {
    this.baseUrl = `${config.env.META_GRAPH_URL.replace(/\/+$/, '')}/${config.env.META_GRAPH_VERSION}`;
    this.http = axios.create({ baseURL: this.baseUrl, timeout: REQUEST_TIMEOUT_MS });
  }

  async get<T>(path: string, token: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
    try {
      const response = await this.http.get<T>(path, { params: dropUndefined(params), headers: bearer(token) });
      return response.data;
    } catch (err) {
      throw classifyMetaError(err);
    }
  }

  async post<T>(path: string, token: string, body: unknown): Promise<T> {
    try {
      const response = await this.http.post<T>(path, body, {
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
      });
      return response.data;
    } catch (err) {
      throw classifyMetaError(err);
    }
  }

  /** A multipart upload (WhatsApp /media, Messenger /message_attachments); fetch's FormData sets the boundary. */
  async postForm<T>(path: string, token: string, form: FormData): Promise<T> {
    try {
      const response = await this.http.post<T>(path, form, { headers: bearer(token), timeout: REQUEST_TIMEOUT_MS * 6 });
      return response.data;
    } catch (err) {
      throw classifyMetaError(err);
    }
  }

  /**
   * Walks an edge page by page with `after` cursors (starting at `params.after` if given), up to `maxPages`. The callback returns false to stop
   * early (e.g. once items are older than the poll cursor).
   */
  async paginate<T>(
    path: string,
    token: string,
    params: Record<string, string | number | undefined>,
    onPage: (items: T[]) => boolean | void,
    maxPages = 10,
  ): Promise<void> {
    // A caller may resume from a cursor it already holds (e.g. inline comments that continue on their edge).
    let after = params.after === undefined ? undefined : String(params.after);
    for (let page = 0; page < maxPages; page++) {
      const result = await this.get<GraphPage<T>>(path, token, { ...params, after });
      const keepGoing = onPage(result.data ?? []);
      after = result.paging?.cursors?.after;
      if (keepGoing === false || !result.paging?.next || !after) {
        return;
      }
    }
  }

  /** Downloads bytes from an absolute URL (WhatsApp media URLs need the same Bearer token). */
  async download(url: string, token: string | null): Promise<GraphBinary> {
    try {
      const response = await axios.get<ArrayBuffer>(url, {
        responseType: 'arraybuffer',
        timeout: REQUEST_TIMEOUT_MS * 3,
        headers: token ? bearer(token) : {},
      });
      const contentType = response.headers['content-type'];
      return { data: Buffer.from(response.data), contentType: typeof contentType === 'string' ? contentType : null };
    } catch (err) {
      throw classifyMetaError(err);
    }
  }
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

function dropUndefined(params: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}
