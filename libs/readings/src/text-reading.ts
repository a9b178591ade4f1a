/**
 * One reading of a message's text. Each reading (language, sentiment, urgency) sits behind this
 * interface so that a better model can replace one later without touching its callers.
 */
export interface TextReading<R> {
  readonly name: string;
  read(text: string): R;
}

export type ReadingLanguage = 'tr' | 'ku' | 'ar' | 'en' | 'other';

export interface LanguageResult {
  language: ReadingLanguage;
  /** 0..1: the model's probability, or the rule's own confidence where a rule decided. */
  confidence: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  /** What decided it, in reading order ("rezalet", "değil ← memnun", "sarcasm: bravo"). */
  cues: string[];
}

export interface UrgencyResult {
  urgent: boolean;
  /** The words that made the message urgent (empty when it is not). */
  terms: string[];
}
