import { readFileSync } from 'node:fs';
import { foldText } from './reading-text';
import { HELD_OUT_FRESH_IDS, TRAINING_FRESH_IDS } from './training-data.file';
import { UrgencyModelTrainer } from './urgency-model.trainer';
import { urgencyTrainingExamples, urgencyTrainingFile } from './urgency-training';

const EXAMPLES = [
  { text: 'mutfakta gaz kokusu var çocuklar içeride', urgent: true },
  { text: 'direkten kopan kablo kıvılcım saçıyor', urgent: true },
  { text: 'bodruma su doldu yaşlı teyze mahsur', urgent: true },
  { text: 'konteyner yanıyor alevler balkona vuruyor', urgent: true },
  { text: 'sokak lambası üç gündür yanmıyor', urgent: false },
  { text: 'çöpler alınmadı koku var', urgent: false },
  { text: 'otobüs yine geç geldi', urgent: false },
  { text: 'gaz faturası çok yüksek geldi', urgent: false },
];

describe('UrgencyModel', () => {
  it('learns from a few examples and says which words weighed', () => {
    const model = UrgencyModelTrainer.train(EXAMPLES, { epochs: 30 });
    const urgent = model.score(foldText('merdivende ağır gaz kokusu var, çocuklar içeride'));
    const calm = model.score(foldText('lamba yine yanmıyor, otobüs de geç'));
    expect(urgent.probability).toBeGreaterThan(0.5);
    expect(calm.probability).toBeLessThan(0.5);
    expect(urgent.words).toContain('kokusu');
    expect(urgent.words).not.toContain('var');
  });

  it('gives the same probability with and without the words that weighed', () => {
    const model = UrgencyModelTrainer.train(EXAMPLES);
    for (const text of ['gaz gaz kokusu kokusu var', 'lamba yanmıyor', '', 'ريحة غاز']) {
      expect(model.probability(foldText(text))).toBeCloseTo(model.score(foldText(text)).probability, 12);
    }
  });

  it('weighs what the rules made of a text when it was trained to, and only then', () => {
    const signals = (text: string) => (EXAMPLES.find((e) => e.text === text)?.urgent ? ['named'] : ['unnamed']);
    const seeing = UrgencyModelTrainer.train(EXAMPLES, { epochs: 30, signals });
    const blind = UrgencyModelTrainer.train(EXAMPLES, {
      epochs: 30,
      signals,
      features: { words: true, pairs: true, grams: [3, 5], ruleSignals: false },
    });
    const text = foldText('şurada bir şey var');
    expect(seeing.probability(text, ['named'])).toBeGreaterThan(seeing.probability(text, ['unnamed']));
    expect(seeing.score(text, ['named']).probability).toBeCloseTo(seeing.probability(text, ['named']), 12);
    expect(blind.probability(text, ['named'])).toBe(blind.probability(text, ['unnamed']));
  });

  it('gives the same probability from its word cache, text after text, as reading every feature afresh', () => {
    const model = UrgencyModelTrainer.train(EXAMPLES, { signals: () => ['named'] });
    const texts = ['gaz kokusu var', 'gaz gaz kokusu kokusu var', 'kokusu var gaz', 'lamba yanmıyor', 'gaz kokusu var'];
    for (const text of texts) {
      const folded = foldText(text);
      const uncached = model as unknown as { probabilityUncached(f: string, s: string[]): number };
      expect(model.probability(folded, ['named'])).toBe(uncached.probabilityUncached(folded, ['named']));
    }
  });

  it('gives the same model for the same examples', () => {
    const a = UrgencyModelTrainer.train(EXAMPLES).score(foldText('kablo kıvılcım'));
    const b = UrgencyModelTrainer.train(EXAMPLES).score(foldText('kablo kıvılcım'));
    expect(a).toEqual(b);
  });

  it('ships only odd-numbered messages of the evaluation set, the training fresh sets and written sentences', () => {
    expect(urgencyTrainingExamples().length).toBeGreaterThan(1000);
    const lines = readFileSync(urgencyTrainingFile(), 'utf8').trim().split('\n');
    const ids = lines.map((line) => (JSON.parse(line) as { id: string }).id);
    for (const id of ids) {
      // The fresh sets fs-, ft-, fx-, fy-, fz- and fb- are held out: never in training.
      expect(id).not.toMatch(HELD_OUT_FRESH_IDS);
      if (!id.startsWith('x-') && !TRAINING_FRESH_IDS.test(id)) {
        // The evaluation set's own ids ("tr-a-007", "ku-013"): the even-numbered ones are held out.
        expect(id).toMatch(/^(tr-a|tr-b|ku|ar|en)-\d+$/);
        expect(Number(/(\d+)$/.exec(id)?.[1]) % 2).toBe(1);
      }
    }
    expect(ids.filter((id) => id.startsWith('fr-'))).toHaveLength(360);
    expect(ids.filter((id) => /^(fu|fv|fw|fa)-/.test(id))).toHaveLength(1600);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
