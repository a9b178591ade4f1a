import { ChannelError, ChannelErrorKind } from '@civic/channels-core';
import { instagramHashtagKey } from './instagram-hashtag-search.service';
import { MentionMatcher } from './mention-matcher';
import { addressedText, asChannelError } from './mention-source-states.service';

describe('mention source helpers', () => {
  it('an Instagram hashtag key drops the # and lowercases the Turkish way (İ → i, I → ı)', () => {
    expect(instagramHashtagKey('#Melikgazi')).toBe('melikgazi');
    expect(instagramHashtagKey(' ##KAYSERİ ')).toBe('kayseri');
    expect(instagramHashtagKey('#IŞIK')).toBe('ışık');
  });

  it('an @mention addresses the account: its handle counts as written, exclusions still veto', () => {
    const matcher = new MentionMatcher({ handles: ['@melikgazibel'], exclusionTerms: ['Melikgazi Koleji'] });
    expect(matcher.match(addressedText('sokak lambası yanmıyor', 'melikgazibel'))).toMatchObject({
      matched: true,
      terms: ['@melikgazibel'],
    });
    expect(matcher.match(addressedText('sokak lambası yanmıyor', '@MelikgaziBel'))).toMatchObject({ matched: true });
    expect(matcher.match(addressedText('Melikgazi Koleji gezisi', 'melikgazibel'))).toMatchObject({
      matched: false,
      excludedBy: 'melikgazi koleji',
    });
    // Another account's handle is no match for this one, and without a handle only the words count.
    expect(matcher.match(addressedText('tebrikler', 'melikgazibelediyesi')).matched).toBe(false);
    expect(matcher.match(addressedText(null, null)).matched).toBe(false);
  });

  it('unknown failures count as retryable channel errors; channel errors pass through', () => {
    const reauthorize = new ChannelError(ChannelErrorKind.Reauthorize, { title: 'token' });
    expect(asChannelError(reauthorize)).toBe(reauthorize);
    expect(asChannelError(new Error('socket hang up'))).toMatchObject({ kind: ChannelErrorKind.Retry });
  });
});
