import { WebhookPayloadError } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/model';
import { mapPageMention } from './facebook-mention.mapper';
import { FacebookAdapter } from './facebook.adapter';

const PAGE_ID = '206070979425408';

describe('page webhook `mention` field', () => {
  // The shape Meta sends: ids and the sender, no words.
  const postMention = {
    post_id: '44444444_444444444',
    sender_name: 'Ayşe Yılmaz',
    item: 'post',
    sender_id: '44444444',
    verb: 'add',
  };

  it('maps a post @mention to an inbound mention without text in the post’s public thread', () => {
    const [event] = mapPageMention(PAGE_ID, postMention, 1740909637);
    expect(event).toMatchObject({
      type: 'message',
      channel: Channel.Facebook,
      accountExternalId: PAGE_ID,
      externalId: '44444444_444444444',
      direction: MessageDirection.Inbound,
      kind: MessageKind.Mention,
      text: null,
      contact: { externalId: '44444444', name: 'Ayşe Yılmaz' },
      thread: { kind: ConversationKind.Public, key: 'post:44444444_444444444', rootExternalId: '44444444_444444444' },
      parentExternalId: null,
      occurredAt: new Date(1740909637 * 1000),
      raw: postMention,
    });
  });

  it('maps a comment @mention under its post, and a removed mention to a delete', () => {
    const comment = { ...postMention, item: 'comment', comment_id: '444444444_555' };
    expect(mapPageMention(PAGE_ID, comment)[0]).toMatchObject({
      externalId: '444444444_555',
      parentExternalId: '44444444_444444444',
      kind: MessageKind.Mention,
    });
    expect(mapPageMention(PAGE_ID, { ...postMention, verb: 'remove' })).toEqual([
      expect.objectContaining({ type: 'delete', externalId: '44444444_444444444' }),
    ]);
    expect(mapPageMention(PAGE_ID, { ...postMention, verb: 'edited' })).toEqual([]);
  });

  it('refuses a mention without post_id, or a comment mention without comment_id', () => {
    expect(() => mapPageMention(PAGE_ID, { item: 'post', verb: 'add' })).toThrow(WebhookPayloadError);
    expect(() => mapPageMention(PAGE_ID, { ...postMention, item: 'comment' })).toThrow(WebhookPayloadError);
  });

  it('the adapter reads `mention` changes next to `feed` changes', () => {
    const adapter = new FacebookAdapter({} as never);
    const events = adapter.parseWebhook({
      object: 'page',
      entry: [{ id: PAGE_ID, time: 1740909637, changes: [{ field: 'mention', value: postMention }] }],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'message', kind: MessageKind.Mention, externalId: '44444444_444444444' });
  });
});
