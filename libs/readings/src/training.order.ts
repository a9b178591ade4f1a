/**
 * The order a trainer visits its examples in: shuffled afresh each pass by a fixed linear congruential
 * sequence, so the same examples always give the same model (no Math.random).
 */
export class TrainingOrder {
  private readonly order: number[];
  private seed = 28;

  constructor(size: number) {
    this.order = Array.from({ length: size }, (_, i) => i);
  }

  /** The next pass's order (Fisher–Yates over the previous pass's order). */
  nextPass(): readonly number[] {
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
      const j = this.seed % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
}
