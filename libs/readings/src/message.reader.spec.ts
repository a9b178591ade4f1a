import { CategoryModelTrainer } from './category-model.trainer';
import { MessageReader } from './message.reader';

describe('MessageReader', () => {
  const reader = new MessageReader();
  beforeAll(() => reader.init());

  it('gives all four readings of one message at once', () => {
    const model = CategoryModelTrainer.train([
      { text: 'gaz kokusu var', category: 'dogalgaz' },
      { text: 'çöp alınmadı', category: 'cop' },
    ]);
    const result = reader.read('ACİL!!! apartman girişinde çok yoğun gaz kokusu var', model);
    expect(result).toMatchObject({ language: 'tr', sentiment: 'negative', urgent: true });
    expect(result.urgencyTerms.join(' ')).toContain('gaz kokusu');
    expect(result.sentimentCues.length).toBeGreaterThan(0);
    expect(result.suggestion?.category).toBe('dogalgaz');
  });

  it('suggests no category without a model', () => {
    expect(reader.read('çöp alınmadı').suggestion).toBeNull();
  });
});
