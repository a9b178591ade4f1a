import { FeatureIndex } from './feature.index';
import { TrainingOrder } from './training.order';

describe('TrainingOrder', () => {
  it('visits every example once per pass, in an order that changes between passes and repeats across runs', () => {
    const passes = (n: number) => {
      const order = new TrainingOrder(50);
      return Array.from({ length: n }, () => [...order.nextPass()]);
    };
    const [first, second] = passes(2);
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(second).not.toEqual(first);
    expect(passes(2)).toEqual([first, second]);
  });
});

describe('FeatureIndex', () => {
  it('numbers features by first sight and keeps their numbers', () => {
    const index = new FeatureIndex();
    expect(['w:gaz', 'c:gaz', 'w:gaz'].map((name) => index.idOf(name))).toEqual([0, 1, 0]);
    expect(index.size).toBe(2);
  });
});
