import { CategoryModel } from './category-model';
import { CategoryModelTrainer } from './category-model.trainer';
import { holdOutAccuracy } from './hold-out-accuracy';
import { seedExamplesFromKeywords } from './keyword-seeds';

const CATALOG = [
  { code: 'yol-cukur', keywords: ['çukur*', 'asfalt*', 'yol'] },
  { code: 'cop', keywords: ['çöp*', 'konteyner*'] },
  { code: 'aydinlatma', keywords: ['lamba*', 'karanlık'] },
];

const CASES = [
  { text: 'Sokağımızdaki çukur büyüdü, arabalar zarar görüyor', category: 'yol-cukur' },
  { text: 'Asfalt yine bozuldu, yamalar söküldü', category: 'yol-cukur' },
  { text: 'kasis boyası silinmiş, gece görünmüyor', category: 'yol-cukur' },
  { text: 'Çöpler üç gündür alınmadı, konteyner taştı', category: 'cop' },
  { text: 'Konteynerin kapağı kırık, köpekler çöpü dağıtıyor', category: 'cop' },
  { text: 'moloz dökülmüş, kimse kaldırmıyor', category: 'cop' },
  { text: 'Sokak lambası yanmıyor, her yer karanlık', category: 'aydinlatma' },
  { text: 'Lambalar gece yarısı sönüyor', category: 'aydinlatma' },
  { text: 'ampul patlamış, direğin ışığı yok', category: 'aydinlatma' },
];

describe('category model', () => {
  it('trains, suggests with the words that weighed most, and survives a JSON round trip', () => {
    const model = CategoryModelTrainer.train(CASES);
    const suggestion = model.suggest('Mahallede çöp konteynerleri taşıyor');
    expect(suggestion?.category).toBe('cop');
    expect(suggestion?.words).toContain('konteynerleri');
    expect(suggestion!.confidence).toBe(suggestion!.ranked[0].probability);
    expect(suggestion!.confidence).toBeGreaterThan(suggestion!.ranked[1].probability);
    expect(suggestion!.ranked.map((r) => r.category).sort()).toEqual(['aydinlatma', 'cop', 'yol-cukur']);

    const stored = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = CategoryModel.fromJSON(stored);
    expect(loaded.suggest('Mahallede çöp konteynerleri taşıyor')).toEqual(suggestion);
    expect(loaded.suggest('ampul yanmıyor karanlık')?.category).toBe('aydinlatma');
  });

  it('learns words the keywords do not have', () => {
    const model = CategoryModelTrainer.train(CASES);
    expect(model.suggest('kasis nerede, gece görünmüyor')?.category).toBe('yol-cukur');
    expect(model.suggest('moloz yığını duruyor')?.category).toBe('cop');
  });

  it('suggests nothing for a text it has no word of, and rejects what is not a model', () => {
    expect(CategoryModelTrainer.train(CASES).suggest('xyzzy 🙂')).toBeNull();
    expect(() => CategoryModel.fromJSON({ format: 'other' } as never)).toThrow();
  });

  it('starts cold from the catalog keywords: a wildcard keyword matches suffixed words', () => {
    const seeds = seedExamplesFromKeywords(CATALOG);
    expect(seeds).toContainEqual({ text: 'çukur', category: 'yol-cukur' });
    expect(seeds).toContainEqual({ text: 'çukur asfalt yol', category: 'yol-cukur' });
    const cold = CategoryModelTrainer.train([], { seeds });
    expect(cold.trainedOn).toEqual({ real: 0, seeded: seeds.length });
    expect(cold.suggest('Çukurlar yüzünden lastiğim patladı')?.category).toBe('yol-cukur');
    expect(cold.suggest('lambalar yanmıyor')?.category).toBe('aydinlatma');
  });

  it('lets the seeds weigh less as real cases grow', () => {
    const seeds = seedExamplesFromKeywords(CATALOG);
    const few = CategoryModelTrainer.train(CASES.slice(0, 1), { seeds }).toJSON();
    const many = CategoryModelTrainer.train(Array(50).fill(CASES[0]), { seeds }).toJSON();
    const seedWeight = (json: typeof few) => json.features['w:asfalt'][json.categories.indexOf('yol-cukur')];
    expect(seedWeight(many)).toBeLessThan(seedWeight(few));
  });

  it('measures hold-out accuracy on the newest cases, the same every time', () => {
    const dated = CASES.map((c, i) => ({ ...c, at: new Date(Date.UTC(2026, 0, 1 + ((i * 4) % 9))) }));
    const first = holdOutAccuracy(dated, { testShare: 0.34 });
    expect(first).toEqual(holdOutAccuracy([...dated].reverse(), { testShare: 0.34 }));
    expect(first.testedOn).toBe(3);
    expect(first.trainedOn).toBe(6);
    expect(first.top1).toBeCloseTo(first.correct / 3, 4);
    expect(holdOutAccuracy(CASES.slice(0, 1))).toMatchObject({ testedOn: 0, top1: 0 });
  });
});
