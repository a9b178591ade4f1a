import type { ServerResponse } from 'node:http';
import { send, unsupported, whatsappInteractiveProblem } from './fake-graph-wire';
import type { FakeGraphStore } from './fake-graph.store';
import type { RecordedGraphRequest } from './fake-graph.types';
import { META_FAILURES } from './meta-error-bodies';

/** The fake Graph API's POST edges: comment replies, Messenger / Instagram / WhatsApp sends, media uploads. */
export class FakeGraphSendRoutes {
  constructor(private readonly store: FakeGraphStore) {}

  post(record: RecordedGraphRequest, segments: string[], res: ServerResponse): void {
    const [id, edge] = segments;
    const body = (record.body ?? {}) as Record<string, unknown>;
    if (segments.length !== 2) {
      return unsupported(res, record);
    }
    if (edge === 'comments' || edge === 'replies' || edge === 'mentions') {
      if (!body.message && !body.attachment_url) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter message is required').body);
      }
      return send(res, 200, { id: `${id}_${this.store.next()}` });
    }
    if (edge === 'media' || edge === 'message_attachments') {
      return this.upload(record, edge, res);
    }
    if (edge === 'messages') {
      if (body.messaging_product === 'whatsapp') {
        const to = (body.to ?? body.recipient) as string | undefined;
        if (!to || !body.type) {
          return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter to is required.').body);
        }
        const interactiveProblem = body.type === 'interactive' ? whatsappInteractiveProblem(body.interactive) : null;
        if (interactiveProblem) {
          return send(
            res,
            400,
            META_FAILURES.invalidParameter(`(#131009) Parameter value is not valid: ${interactiveProblem}`).body,
          );
        }
        return send(res, 200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.FAKE${Buffer.from(String(this.store.next())).toString('base64')}` }],
        });
      }
      const recipient = body.recipient as Record<string, string> | undefined;
      if (!recipient || (!recipient.id && !recipient.comment_id)) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter recipient is required').body);
      }
      return send(res, 200, {
        recipient_id: recipient.id ?? `psid_for_${recipient.comment_id}`,
        message_id: `m_fake_${this.store.next()}`,
      });
    }
    return unsupported(res, record);
  }

  /**
   * WhatsApp `POST /{phone-number-id}/media` (messaging_product, type, file) answers `{ id }`;
   * Messenger `POST /{page-id}/message_attachments` (message JSON, filedata) answers `{ attachment_id }`.
   */
  private upload(record: RecordedGraphRequest, edge: string, res: ServerResponse): void {
    const parts = record.parts ?? [];
    const field = (name: string) => parts.find((p) => p.name === name);
    const file = field(edge === 'media' ? 'file' : 'filedata');
    if (!file?.bytes.length) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter file is required').body);
    }
    if (edge === 'media') {
      if (field('messaging_product')?.bytes.toString() !== 'whatsapp' || !field('type')) {
        return send(res, 400, META_FAILURES.invalidParameter('(#100) messaging_product and type are required').body);
      }
      const id = String(1_000_000_000_000 + this.store.next());
      this.store.mediaFiles.set(id, { bytes: file.bytes, mimeType: field('type')!.bytes.toString() });
      return send(res, 200, { id });
    }
    if (!field('message')) {
      return send(res, 400, META_FAILURES.invalidParameter('(#100) The parameter message is required').body);
    }
    return send(res, 200, { attachment_id: String(2_000_000_000_000 + this.store.next()) });
  }
}
