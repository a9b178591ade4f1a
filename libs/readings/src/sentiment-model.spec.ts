import { readFileSync } from 'node:fs';
import { foldText } from './reading-text';
import { SENTIMENT_FEATURES, SentimentModel } from './sentiment-model';
import { SentimentModelTrainer } from './sentiment-model.trainer';
import { sentimentTrainingFile, sentimentTrainingRows } from './sentiment-training';
import { SentimentReading } from './sentiment.reading';
import { HELD_OUT_FRESH_IDS, TRAINING_FRESH_IDS } from './training-data.file';

const EXAMPLES = [
  { text: 'rezalet, üç gündür çöp alınmadı', sentiment: 'negative' as const },
  { text: 'berbat bir hizmet, kimse gelmedi', sentiment: 'negative' as const },
  { text: 'çukur hâlâ orada, yazıklar olsun', sentiment: 'negative' as const },
  { text: 'Gül Sk. lamba yanmıyor, bilginize', sentiment: 'neutral' as const },
  { text: 'otobüs saatleri değişti mi?', sentiment: 'neutral' as const },
  { text: 'park ne zaman açılacak?', sentiment: 'neutral' as const },
  { text: 'çok teşekkürler, hemen geldiniz', sentiment: 'positive' as const },
  { text: 'ellerinize sağlık, harika olmuş', sentiment: 'positive' as const },
  { text: 'süper, sorun çözüldü teşekkürler', sentiment: 'positive' as const },
];

describe('SentimentModel', () => {
  const rules = new SentimentReading(undefined, 'rules');
  const train = () => SentimentModelTrainer.train(EXAMPLES, { epochs: 30, rules: (text) => rules.readRules(text) });

  it('learns from a few examples, the rules among its features', () => {
    const model = train();
    const read = (text: string) => model.label(foldText(text), rules.readRules(text)).label;
    expect(read('rezalet, kimse gelmedi')).toBe('negative');
    expect(read('teşekkürler, harika')).toBe('positive');
    expect(read('lamba ne zaman yanacak?')).toBe('neutral');
  });

  it('gives the same probabilities from its word cache, text after text', () => {
    const model = train();
    const texts = ['rezalet rezalet', 'teşekkürler', 'rezalet rezalet', '', 'ريحة غاز'];
    const first = texts.map((t) => model.probabilities(foldText(t), rules.readRules(t)));
    const again = texts.map((t) => model.probabilities(foldText(t), rules.readRules(t)));
    expect(again).toEqual(first);
    for (const p of first) {
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    }
  });

  it('gives the same model for the same examples', () => {
    const a = train().probabilities(foldText('berbat'), rules.readRules('berbat'));
    const b = train().probabilities(foldText('berbat'), rules.readRules('berbat'));
    expect(a).toEqual(b);
  });

  it('needs the rules when the rules are among its features', () => {
    expect(() => SentimentModelTrainer.train(EXAMPLES, { features: SENTIMENT_FEATURES })).toThrow();
    const textOnly = SentimentModelTrainer.train(EXAMPLES, { features: { ...SENTIMENT_FEATURES, rules: false } });
    expect(textOnly).toBeInstanceOf(SentimentModel);
  });

  it('ships only odd-numbered messages of the evaluation set and the training fresh sets', () => {
    const lines = readFileSync(sentimentTrainingFile(), 'utf8').trim().split('\n');
    const rows = sentimentTrainingRows();
    expect(rows.length).toBe(lines.length);
    expect(rows.length).toBeGreaterThan(700);
    expect(rows.filter((r) => r.id.startsWith('fr-')).length).toBeGreaterThan(300);
    for (const row of rows) {
      // The fresh sets fs-, ft-, fx-, fy-, fz- and fb- are held out: never in training.
      expect(row.id).not.toMatch(HELD_OUT_FRESH_IDS);
      expect(['negative', 'neutral', 'positive']).toContain(row.sentiment);
      expect(row.text.trim()).not.toBe('');
      if (!TRAINING_FRESH_IDS.test(row.id)) {
        // The evaluation set's own ids ("tr-a-007", "ku-013"): the even-numbered ones are held out.
        expect(row.id).toMatch(/^(tr-a|tr-b|ku|ar|en)-\d+$/);
        expect(Number(/(\d+)$/.exec(row.id)![1]) % 2).toBe(1);
      } else {
        expect(row.id).toMatch(TRAINING_FRESH_IDS);
      }
    }
  });
});
