import type { SecretsService } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';
import { MediaLinkSigner } from './media-link.signer';

const target = {
  organizationId: '9a9e380e-7c1d-40f6-9abe-97b8178dc9b1',
  messageId: '876e937f-3665-4309-82c3-f42305449b8a',
  index: 3,
};
const signer = (secret = 'a'.repeat(40)) => new MediaLinkSigner({ jwtSecret: secret } as SecretsService);
const tokenOf = (url: string) => url.slice('/api/v1/media/'.length);
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
};

describe('MediaLinkSigner', () => {
  const now = Date.UTC(2026, 11, 6, 10, 2, 30);

  it('names the organization, message and attachment, and expires 5 to 10 minutes later on a 5-minute step', () => {
    const { url, expiresAt } = signer().sign(target, now);
    expect(expiresAt.toISOString()).toBe('2026-12-06T10:10:00.000Z');
    expect(signer().verify(tokenOf(url), now)).toEqual({ ...target, expiresAt });
    // The same link for the whole step, so a browser keeps its cached copy.
    expect(signer().sign(target, now + 60_000).url).toBe(url);
    expect(signer().sign(target, Date.UTC(2026, 11, 6, 10, 5, 1)).url).not.toBe(url);
  });

  it('refuses expired links, links signed with another secret and altered bytes', () => {
    const { url, expiresAt } = signer().sign(target, now);
    expect(codeOf(() => signer().verify(tokenOf(url), expiresAt.getTime()))).toBe(ErrorCode.MediaLinkExpired);
    expect(codeOf(() => signer('b'.repeat(40)).verify(tokenOf(url), now))).toBe(ErrorCode.MediaLinkInvalid);
    const bytes = Buffer.from(tokenOf(url), 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] ^= 0x80;
      expect([i, codeOf(() => signer().verify(changed.toString('base64url'), now))]).toEqual([
        i,
        ErrorCode.MediaLinkInvalid,
      ]);
    }
    for (const junk of ['', '!!!', 'x'.repeat(10), `${tokenOf(url)}A`]) {
      expect(codeOf(() => signer().verify(junk, now))).toBe(ErrorCode.MediaLinkInvalid);
    }
  });

  it('adds a link to stored attachments of thread messages only', () => {
    const items = signer().withLinks(
      target.organizationId,
      [
        { type: 'message', id: target.messageId, attachments: [{ url: null }, { url: '/api/v1/messages/x/attachments/1' }] },
        { type: 'note', id: 'n', text: 'iç not' },
      ],
      now,
    ) as { attachments?: { mediaUrl: string | null }[] }[];
    expect(items[0].attachments?.[0].mediaUrl).toBeNull();
    const link = items[0].attachments?.[1].mediaUrl ?? '';
    expect(signer().verify(tokenOf(link), now)).toMatchObject({ ...target, index: 1 });
    expect(items[1]).toEqual({ type: 'note', id: 'n', text: 'iç not' });
  });
});
