import type { NormalizedEvent } from '@civic/channels-core';
import { Channel, ConversationKind, MessageDirection, MessageKind } from '@civic/domain';
import { decodeEvents, encodeEvents } from './event-json.codec';

describe('event JSON codec (webhook inbox rows)', () => {
  const message: NormalizedEvent = {
    type: 'message',
    channel: Channel.WhatsApp,
    accountExternalId: '106540352242922',
    externalId: 'wamid.ÇÖŞ',
    occurredAt: new Date('2026-11-30T09:15:00.123Z'),
    direction: MessageDirection.Inbound,
    kind: MessageKind.Dm,
    text: 'Işıklar yanmıyor, İnönü Caddesi',
    replyWindowExpiresAt: new Date('2026-12-01T09:15:00.123Z'),
    contact: { externalId: '905321112233', name: 'Gülşen Ağaoğlu' },
    thread: { kind: ConversationKind.Direct, key: 'dm:905321112233' },
    raw: { timestamp: '1795400000', occurredAt: 'as the channel sent it' },
  };

  it('gives back the same events, with their Dates as Dates', () => {
    const [back] = decodeEvents(
      encodeEvents([
        message,
        { type: 'delete', channel: Channel.Facebook, accountExternalId: 'p', externalId: 'c', occurredAt: new Date(0) },
      ]),
    );
    expect(back).toEqual(message);
    expect((back as { replyWindowExpiresAt: Date }).replyWindowExpiresAt).toBeInstanceOf(Date);
  });

  it("leaves the channel's own payload (raw) as sent, even where a field has the same name", () => {
    const [back] = decodeEvents(encodeEvents([message]));
    expect((back.raw as { occurredAt: unknown }).occurredAt).toBe('as the channel sent it');
  });

  it('keeps an absent or null reply window as it was', () => {
    const [absent, none] = decodeEvents(
      encodeEvents([
        { ...message, replyWindowExpiresAt: undefined },
        { ...message, replyWindowExpiresAt: null },
      ]),
    );
    expect('replyWindowExpiresAt' in absent).toBe(false);
    expect((none as { replyWindowExpiresAt: unknown }).replyWindowExpiresAt).toBeNull();
  });

  it('replaces NUL characters (which PostgreSQL cannot store) with U+FFFD everywhere, and only those', () => {
    const [back] = decodeEvents(encodeEvents([{ ...message, text: 'Çukur\u0000var', raw: { note: ['a\u0000b'] } }]));
    expect((back as { text: string }).text).toBe('Çukur\uFFFDvar');
    expect(back.raw).toEqual({ note: ['a\uFFFDb'] });
    // A backslash followed by "u0000" is text, not a NUL: it stays as written.
    const [literal] = decodeEvents(encodeEvents([{ ...message, text: 'yol\\u0000 işareti' }]));
    expect((literal as { text: string }).text).toBe('yol\\u0000 işareti');
  });

  it('replaces lone surrogates (which jsonb refuses) with U+FFFD, in keys too, and keeps surrogate pairs', () => {
    const [back] = decodeEvents(
      encodeEvents([
        { ...message, text: 'a \ud800 b \udc00 😀', raw: { ['k\udbff']: ['\ud83d'], ok: '\ud83d\ude00' } },
      ]),
    );
    expect((back as { text: string }).text).toBe('a \uFFFD b \uFFFD 😀');
    expect(back.raw).toEqual({ 'k\uFFFD': ['\uFFFD'], ok: '😀' });
  });

  it('refuses a row that is not a list of events (it is set aside, not ingested)', () => {
    expect(() => decodeEvents('{"not": "a list"}')).toThrow('webhook inbox row is not a JSON array of events');
    expect(() => decodeEvents('[{"type": "message"')).toThrow(SyntaxError);
  });
});
