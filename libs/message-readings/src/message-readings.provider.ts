import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessageReader } from '@civic/readings';
import type { CategoryModel } from '@civic/readings';

/** What the readings make of one text, as stored in message_reading. */
export interface TextReadings {
  language: string;
  languageConfidence: number;
  sentiment: string;
  sentimentScore: number;
  sentimentCues: string[];
  urgent: boolean;
  urgencyTerms: string[];
  suggestedCategory: string | null;
  suggestionConfidence: number | null;
  suggestionWords: string[];
}

/** The process's one MessageReader: the language model is loaded from disk once, at start. */
@Injectable()
export class MessageReadings implements OnModuleInit {
  private readonly reader = new MessageReader();

  async onModuleInit(): Promise<void> {
    await this.reader.init();
  }

  /** See MessageReader.warm: the worker calls it at start; an api process, which reads no message, does not. */
  warm(): void {
    this.reader.warm();
  }

  read(text: string, categoryModel: CategoryModel | null): TextReadings {
    const r = this.reader.read(text, categoryModel ?? undefined);
    return {
      language: r.language,
      languageConfidence: r.languageConfidence,
      sentiment: r.sentiment,
      sentimentScore: r.sentimentScore,
      sentimentCues: r.sentimentCues,
      urgent: r.urgent,
      urgencyTerms: r.urgencyTerms,
      suggestedCategory: r.suggestion?.category ?? null,
      suggestionConfidence: r.suggestion?.confidence ?? null,
      suggestionWords: r.suggestion?.words ?? [],
    };
  }
}
