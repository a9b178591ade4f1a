import type { CategoryModel, CategorySuggestion } from './category-model';
import { LanguageReading } from './language.reading';
import { SentimentReading } from './sentiment.reading';
import type { ReadingLanguage, SentimentLabel } from './text-reading';
import { UrgencyReading } from './urgency.reading';

/** All four readings of one message. */
export interface MessageReadingsResult {
  language: ReadingLanguage;
  languageConfidence: number;
  sentiment: SentimentLabel;
  sentimentScore: number;
  sentimentCues: string[];
  urgent: boolean;
  urgencyTerms: string[];
  /** Null without a category model, or when the text gives it nothing to go on. */
  suggestion: CategorySuggestion | null;
}

/** The four readings behind one call: init() once (the language model loads from disk), then read synchronously. */
export class MessageReader {
  private readonly language = new LanguageReading();
  private readonly sentiment = new SentimentReading();
  private readonly urgency = new UrgencyReading();

  async init(): Promise<void> {
    await this.language.init();
  }

  /** Trains the learned models now (about 1 s of CPU) instead of at the first message, which they would hold up. */
  warm(): void {
    this.sentiment.warm();
    this.urgency.warm();
  }

  read(text: string, categoryModel?: CategoryModel): MessageReadingsResult {
    const language = this.language.read(text);
    const sentiment = this.sentiment.read(text);
    const urgency = this.urgency.read(text);
    return {
      language: language.language,
      languageConfidence: language.confidence,
      sentiment: sentiment.label,
      sentimentScore: sentiment.score,
      sentimentCues: sentiment.cues,
      urgent: urgency.urgent,
      urgencyTerms: urgency.terms,
      suggestion: categoryModel?.suggest(text) ?? null,
    };
  }
}
