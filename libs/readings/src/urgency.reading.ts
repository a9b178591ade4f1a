import type { TextReading, UrgencyResult } from './text-reading';
import { ruleSignalsOf } from './urgency-features';
import type { UrgencyModel } from './urgency-model';
import type { UrgencyTrainingOptions } from './urgency-model.trainer';
import { UrgencyModelTrainer } from './urgency-model.trainer';
import { asWrittenTerms } from './urgency-terms';
import { urgencyTrainingExamples } from './urgency-training';
import type { UrgencyVerdict } from './urgency.rules';
import { UrgencyRules } from './urgency.rules';

/**
 * The model's probabilities at which it overrules the rules, chosen by 5-fold cross-validation of the
 * combined reading (the rules with each fold's model) over the training-eligible messages only: the
 * odd-numbered messages of test/fixtures/nlp and the training fresh sets (fr-, fu-, fv-, fw-, fa-, fc-), the
 * written sentences always in training (bench/nlp-urgency-cv.ts). RESCUE is the lowest, in steps of
 * 0.05, at which the cross-validated precision is at least 0.85 with one rescue for all (the criterion
 * fixed before the run): recall 0.990, precision 0.864 over 2,790 messages. VETO is the highest below
 * RESCUE at which no more urgent messages are cleared than at the lowest step (chooseVeto): 0.15.
 */
export const URGENCY_RESCUE = 0.3;
/**
 * RESCUE where the rules named no danger at all: most false alarms came from there (on every held-out
 * set, half or more). Its criterion (chooseRescueUnnamed in bench/nlp-urgency-cv.ts, fixed before its
 * run) is the highest value at which the cross-validated recall stays at least 0.975: 0.5, where the
 * cross-validation misses 16 of 774 urgent messages (8 at 0.3) and raises 62 false alarms (121).
 */
export const URGENCY_RESCUE_UNNAMED = 0.5;
export const URGENCY_VETO = 0.15;

/** The model's probabilities at which it overrules the rules: finds urgent alone (rescue), clears a rule's find (below veto). */
export interface UrgencyThresholds {
  rescue: number;
  /** The rescue where the rules named no danger at all (default: rescue). */
  rescueUnnamed?: number;
  veto: number;
}

const NOT_URGENT: UrgencyResult = { urgent: false, terms: [] };
let shared: UrgencyModel | null = null;

/**
 * Is a message about danger to people now? The hand-written rules (UrgencyRules) and a learned model
 * (UrgencyModel, trained on libs/readings/data/urgency-training.jsonl when the first reading of the
 * process is made) decide together:
 * - a danger the rules found is urgent unless the model finds the message very unlike an emergency (VETO);
 * - a danger only about money, the past or a procedure, or dealt with, is not urgent whatever the model says;
 * - otherwise the model decides, at a high probability (RESCUE), unless the message says it was dealt with.
 * `terms` are the words as written: the rules' words, or when the model decided, the words that weighed most.
 */
export class UrgencyReading implements TextReading<UrgencyResult> {
  readonly name = 'urgency';
  private readonly rules = new UrgencyRules();

  /**
   * `model` for tests; by default the product's model, trained once per process at its first reading.
   * `thresholds` for the cross-validation that chooses them (bench/nlp-urgency-cv.ts); by default the ones above.
   */
  constructor(
    private readonly given?: UrgencyModel,
    private readonly thresholds: UrgencyThresholds = {
      rescue: URGENCY_RESCUE,
      rescueUnnamed: URGENCY_RESCUE_UNNAMED,
      veto: URGENCY_VETO,
    },
  ) {}
  // Trained lazily: a process that never reads a message (most API processes' first seconds, many tests) skips about 1 s of CPU (2 s cold).
  private get model(): UrgencyModel {
    return this.given ?? (shared ??= UrgencyReading.train());
  }

  /** Trains the product's model now rather than at the first reading (a worker, before its first message). */
  warm(): void {
    void this.model;
  }

  /** The product's model: trained on the shipped training file, read as the reading presents a text. */
  static train(): UrgencyModel {
    return UrgencyModelTrainer.train(urgencyTrainingExamples(), UrgencyReading.modelInput());
  }

  /** How the reading presents a text to its model: folded as the rules fold it (figures of speech blanked), with what they made of it. */
  static modelInput(rules = new UrgencyRules()): Required<Pick<UrgencyTrainingOptions, 'fold' | 'signals'>> {
    // The trainer asks for a text's fold and then its signals: the rules judge it once for both.
    let last: { text: string; verdict: UrgencyVerdict } | null = null;
    const verdictOf = (text: string) =>
      last?.text === text ? last.verdict : (last = { text, verdict: rules.judge(text) }).verdict;
    return { fold: (text) => verdictOf(text).folded, signals: (text) => ruleSignalsOf(verdictOf(text)) };
  }

  read(text: string): UrgencyResult {
    const verdict = this.rules.judge(text);
    if (verdict.muted) {
      return NOT_URGENT;
    }
    const signals = ruleSignalsOf(verdict);
    const probability = this.model.probability(verdict.folded, signals);
    if (verdict.urgent) {
      return probability >= this.thresholds.veto ? { urgent: true, terms: verdict.terms } : NOT_URGENT;
    }
    const rescue = verdict.named ? this.thresholds.rescue : (this.thresholds.rescueUnnamed ?? this.thresholds.rescue);
    if (probability >= rescue && !this.rules.dealtWith(text, verdict.folded)) {
      return { urgent: true, terms: asWrittenTerms(text, this.model.score(verdict.folded, signals).words) };
    }
    return NOT_URGENT;
  }
}
