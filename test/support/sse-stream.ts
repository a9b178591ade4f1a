import http from 'node:http';

export interface SseFrame {
  type: string;
  data: any;
}

export interface SseStream {
  events: SseFrame[];
  status: Promise<number>;
  /** The first frame (from the start) matching `pred`; rejects after `ms`. */
  waitFor(pred: (e: SseFrame) => boolean, ms?: number): Promise<SseFrame>;
  close(): void;
}

/** An EventSource-like reader of the live-events stream: collects `event:`/`data:` frames. */
export function openSseStream(url: string): SseStream {
  const events: SseFrame[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let resolveStatus: (s: number) => void;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const request = http.get(url, (response) => {
    resolveStatus(response.statusCode ?? 0);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        events.push({ type, data: data ? JSON.parse(data) : null });
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
  request.on('error', () => undefined);
  return {
    events,
    status,
    close: () => request.destroy(),
    waitFor(pred, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)),
          ms,
        );
        const check = () => {
          const found = events.find(pred);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
  };
}
