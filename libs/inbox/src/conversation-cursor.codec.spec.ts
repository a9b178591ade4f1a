import { ConversationCursorCodec, InvalidCursorError } from './conversation-cursor.codec';

describe('ConversationCursorCodec', () => {
  const codec = new ConversationCursorCodec('sır');
  const cursor = { at: '2026-11-20 09:00:00.123456+00', id: '3f0b6f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };

  it('round-trips a position', () => {
    expect(codec.decode(codec.encode(cursor))).toEqual(cursor);
  });

  it('refuses a cursor whose payload or signature was changed', () => {
    const token = codec.encode(cursor);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ a: '2030-01-01 00:00:00+00', i: cursor.id })).toString('base64url');
    expect(() => codec.decode(`${forged}.${signature}`)).toThrow(InvalidCursorError);
    expect(() => codec.decode(`${payload}.${signature.slice(0, -2)}xx`)).toThrow(InvalidCursorError);
    expect(() => codec.decode('garbage')).toThrow(InvalidCursorError);
    expect(() => new ConversationCursorCodec('başka').decode(token)).toThrow(InvalidCursorError);
  });
});
