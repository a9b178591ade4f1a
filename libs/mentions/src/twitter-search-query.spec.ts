import { buildTwitterSearchQuery } from './twitter-search-query';

describe('buildTwitterSearchQuery', () => {
  it('ORs terms (with their folded spelling), handles and hashtags, original tweets only', () => {
    expect(
      buildTwitterSearchQuery({
        terms: ['Büyükkılıç', 'Melikgazi Belediyesi', 'melikgazi*'],
        handles: ['MelikgaziBel'],
        hashtags: ['#melikgazi'],
        exclusionTerms: ['kolej'],
      }),
    ).toBe(
      '( büyükkılıç OR buyukkilic OR "melikgazi belediyesi" OR melikgazi OR @MelikgaziBel OR #melikgazi ) -is:retweet',
    );
  });

  it('is null without anything to search for', () => {
    expect(buildTwitterSearchQuery({ terms: [' '], handles: [], hashtags: ['#'] })).toBeNull();
  });
});
